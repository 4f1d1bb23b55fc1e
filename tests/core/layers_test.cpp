// The runner's layers only point down (docs/architecture.md): a file under core/src/<folder>/ includes its
// own folder's headers and those of lower layers, never a higher or a sibling layer's.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

// Bottom to top. Folders on one level do not include each other.
const std::map<std::string, int> kLayer = {
    {"base", 0},   {"plugins", 1},     {"stats", 1},  {"scenario", 2}, {"engine", 3}, {"conformance", 4},
    {"search", 4}, {"calibration", 4}, {"output", 5}, {"run", 6},      {"batch", 7},  {"app", 8},
    {"mpi", 9},
};

TEST(Layers, IncludesOnlyPointDown) {
  const auto src = testing::source_dir() / "core" / "src";
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    const auto relative = fs::relative(entry.path(), src);
    if (relative.begin() == relative.end() || std::next(relative.begin()) == relative.end()) continue;
    const std::string folder = relative.begin()->string();
    ASSERT_TRUE(kLayer.count(folder)) << "core/src/" << folder << "/ has no layer: add it here and to "
                                      << "docs/architecture.md";
    ++files;
    std::ifstream in(entry.path());
    int line_number = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_number;
      if (line.rfind("#include \"", 0) != 0) continue;
      const std::string target = line.substr(10, line.find('"', 10) - 10);
      const auto slash = target.find('/');
      if (slash == std::string::npos) continue;  // generated protos and local headers
      const std::string to = target.substr(0, slash);
      if (!kLayer.count(to) || to == folder) continue;  // the SDK (splitsim/...) is below everything
      EXPECT_LT(kLayer.at(to), kLayer.at(folder))
          << "core/src/" << relative.string() << ":" << line_number << " includes " << target << ": "
          << folder << "/ may not depend on " << to << "/";
    }
  }
  EXPECT_GT(files, 50);
}

}  // namespace
}  // namespace splitsim
