#include "batch/scenario_files.hpp"

#include <glob.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/errors.hpp"

namespace splitsim {

namespace fs = std::filesystem;

bool is_scenario_file(const fs::path& path) {
  const auto ext = path.extension();
  return ext == ".textproto" || ext == ".pbtxt" || ext == ".txtpb" || ext == ".json";
}

namespace {

// A batch's own JSON manifest looks like a scenario file: when the output folder is inside (or is) a folder
// of inputs, a rerun must not take it for one.
bool is_batch_manifest(const fs::path& path, const fs::path& output_dir) {
  if (output_dir.empty() || path.filename() != "manifest.json") return false;
  std::error_code ec;
  return fs::equivalent(path.parent_path().empty() ? "." : path.parent_path(), output_dir, ec);
}

}  // namespace

std::vector<fs::path> find_scenario_files(const std::vector<std::string>& arguments,
                                          const fs::path& output_dir) {
  std::set<fs::path> found;
  for (const auto& argument : arguments) {
    std::error_code ec;
    if (fs::is_regular_file(argument, ec)) {
      found.insert(fs::path(argument).lexically_normal());
      continue;
    }
    if (fs::is_directory(argument, ec)) {
      std::size_t before = found.size();
      for (const auto& entry : fs::recursive_directory_iterator(argument, ec)) {
        if (entry.is_regular_file() && is_scenario_file(entry.path()) &&
            !is_batch_manifest(entry.path(), output_dir))
          found.insert(entry.path().lexically_normal());
      }
      if (found.size() == before)
        throw UsageError(argument + ": no scenario files (.textproto, .pbtxt, .json) in this folder");
      continue;
    }
    glob_t matches{};
    const int status = ::glob(argument.c_str(), 0, nullptr, &matches);
    std::size_t added = 0;
    if (status == 0) {
      for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
        const fs::path match = matches.gl_pathv[i];
        if (fs::is_regular_file(match, ec) && is_scenario_file(match) &&
            !is_batch_manifest(match, output_dir)) {
          found.insert(match.lexically_normal());
          ++added;
        }
      }
    }
    ::globfree(&matches);
    if (added == 0) throw UsageError(argument + ": no such file, folder, or matching scenario files");
  }
  return {found.begin(), found.end()};
}

std::vector<std::string> output_names(const std::vector<fs::path>& scenarios) {
  std::map<std::string, int> stem_count;
  for (const auto& path : scenarios) ++stem_count[path.stem().string()];
  std::vector<std::string> names;
  // The manifest's names are the batch's own: a scenario called manifest.textproto gets manifest-2.pb.
  std::set<std::string> taken{"manifest"};
  for (const auto& path : scenarios) {
    std::string name = path.stem().string();
    const auto folder = path.parent_path().filename().string();
    if (stem_count[name] > 1 && !folder.empty()) name = folder + "-" + name;
    // Inputs are sorted, so any remaining clash is numbered the same way on every run (and on resume).
    std::string unique = name;
    for (int n = 2; taken.count(unique); ++n) unique = name + "-" + std::to_string(n);
    taken.insert(unique);
    names.push_back(unique + ".pb");
  }
  return names;
}

}  // namespace splitsim
