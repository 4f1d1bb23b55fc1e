#include "base/errors.hpp"

#include <utility>

namespace splitsim {
namespace {

std::string join_problems(const std::vector<InputProblem>& problems) {
  std::string text;
  for (const auto& problem : problems) {
    if (!text.empty()) text += '\n';
    text += problem.to_string();
  }
  return text;
}

}  // namespace

std::string InputProblem::to_string() const {
  // Appends piecewise: GCC 12 warns falsely (-Wrestrict) on chained string concatenation here.
  std::string text = file;
  if (line > 0) text.append(":").append(std::to_string(line));
  text.append(": ");
  if (!field.empty()) text.append(field).append(": ");
  return text.append(message);
}

InputError::InputError(std::vector<InputProblem> problems)
    : std::runtime_error(join_problems(problems)), problems_(std::move(problems)) {}

InputError::InputError(std::string file, std::string message)
    : InputError(std::vector<InputProblem>{{std::move(file), 0, "", std::move(message)}}) {}

PluginError::PluginError(std::string plugin, std::string message)
    : std::runtime_error("plugin '" + plugin + "': " + message), plugin_(std::move(plugin)) {}

}  // namespace splitsim
