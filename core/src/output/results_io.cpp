#include "output/results_io.hpp"

#include <fstream>
#include <sstream>

#include "base/deterministic_bytes.hpp"
#include "base/errors.hpp"
#include "output/atomic_file.hpp"

namespace splitsim {

std::string serialize_results(const v1::Results& results) { return deterministic_bytes(results); }

void save_results(const std::filesystem::path& path, const v1::Results& results) {
  write_file_atomically(path, serialize_results(results));
}

v1::Results load_results(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), "cannot open the results file");
  std::ostringstream content;
  content << in.rdbuf();
  v1::Results results;
  if (!results.ParseFromString(content.str()) || !results.has_metadata() ||
      results.metadata().splitsim_version().empty()) {
    throw InputError(path.string(),
                     "not a splitsim results file (expected the binary output of `splitsim run -o`)");
  }
  return results;
}

}  // namespace splitsim
