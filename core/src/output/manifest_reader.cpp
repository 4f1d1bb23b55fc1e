#include "output/manifest_reader.hpp"

#include "base/errors.hpp"
#include "output/bounded_reader.hpp"

namespace splitsim {
namespace {

// An entry is mostly text (names, messages): real manifests take a few times their size in memory.
const ReadBounds kManifestBounds{kMaxManifestBytes, 32, std::size_t{16} << 20, {}};

}  // namespace

v1::BatchManifest parse_manifest(std::string_view bytes, const std::string& file) {
  v1::BatchManifest manifest;
  if (!parse_bounded(bytes, manifest, file, kManifestBounds) || manifest.splitsim_version().empty())
    throw InputError(file, "not a splitsim batch manifest (expected the manifest.pb of `splitsim batch -o`)");
  std::vector<InputProblem> problems;
  for (int i = 0; i < manifest.runs_size() && problems.size() < 20; ++i) {
    const auto status = manifest.runs(i).status();
    if (!v1::RunStatus_IsValid(status) || status == v1::RUN_STATUS_UNSPECIFIED) {
      problems.push_back(
          {file, 0, "runs[" + std::to_string(i) + "].status", "unknown status " + std::to_string(status)});
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return manifest;
}

v1::BatchManifest read_manifest_file(const std::filesystem::path& path) {
  return parse_manifest(read_bounded_file(path, kMaxManifestBytes), path.string());
}

}  // namespace splitsim
