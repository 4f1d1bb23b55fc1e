#include "scenario/source_map.hpp"

#include <algorithm>
#include <charconv>

namespace splitsim {

FieldPath FieldPath::child(std::string name, int index) const {
  FieldPath path = *this;
  path.steps_.emplace_back(std::move(name), index);
  return path;
}

std::string FieldPath::to_string() const {
  std::string text;
  for (const auto& [name, index] : steps_) {
    if (!text.empty()) text += '.';
    text += name;
    if (index >= 0) text += "[" + std::to_string(index) + "]";
  }
  return text;
}

FieldPath FieldPath::parse(std::string_view text) {
  FieldPath path;
  while (!text.empty()) {
    const auto dot = text.find('.');
    std::string_view step = text.substr(0, dot);
    text = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    int index = -1;
    if (const auto bracket = step.find('['); bracket != std::string_view::npos && step.back() == ']') {
      const auto digits = step.substr(bracket + 1, step.size() - bracket - 2);
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      if (error != std::errc() || end != digits.data() + digits.size() || index < 0) break;
      step = step.substr(0, bracket);
    }
    if (step.empty()) break;
    path.steps_.emplace_back(std::string(step), index);
  }
  return path;
}

SourceMap::SourceMap(std::unordered_map<std::string, int> lines_by_path)
    : lines_by_path_(std::make_shared<const std::unordered_map<std::string, int>>(std::move(lines_by_path))) {
}

SourceMap::SourceMap(const google::protobuf::Descriptor* root,
                     std::unique_ptr<google::protobuf::TextFormat::ParseInfoTree> tree)
    : root_(root), tree_(std::move(tree)) {}

int SourceMap::line_of(const FieldPath& path) const {
  if (lines_by_path_) {
    // The field's own line, else its nearest ancestor's: a field left out of the file has no line of its own.
    std::vector<std::string> prefixes;
    FieldPath prefix;
    for (const auto& [name, index] : path.steps()) {
      prefix = prefix.child(name, index);
      prefixes.push_back(prefix.to_string());
    }
    for (auto it = prefixes.rbegin(); it != prefixes.rend(); ++it) {
      if (const auto found = lines_by_path_->find(*it); found != lines_by_path_->end()) return found->second;
    }
    return 0;
  }
  if (!tree_) return 0;
  const google::protobuf::TextFormat::ParseInfoTree* tree = tree_.get();
  const google::protobuf::Descriptor* descriptor = root_;
  int line = 0;
  for (const auto& [name, index] : path.steps()) {
    const auto* field = descriptor ? descriptor->FindFieldByName(name) : nullptr;
    if (!field || !tree) break;
    const auto location = tree->GetLocation(field, field->is_repeated() ? std::max(index, 0) : -1);
    if (location.line < 0) break;
    line = location.line + 1;
    if (field->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE) break;
    tree = tree->GetTreeForNested(field, field->is_repeated() ? std::max(index, 0) : -1);
    descriptor = field->message_type();
  }
  return line;
}

}  // namespace splitsim
