#include "batch/shard_merge.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "base/errors.hpp"
#include "batch/folder_lock.hpp"
#include "output/atomic_file.hpp"
#include "output/batch_index.hpp"
#include "output/bounded_reader.hpp"
#include "output/manifest_files.hpp"
#include "output/manifest_reader.hpp"
#include "output/results_io.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

struct ShardFolder {
  fs::path folder;
  v1::BatchManifest manifest;
};

// The shards in index order, each once; InputError naming what is missing or does not belong.
std::vector<ShardFolder> read_shards(const std::vector<fs::path>& folders) {
  std::vector<ShardFolder> shards;
  for (const auto& folder : folders) {
    const auto file = folder / kManifestName;
    auto manifest = read_manifest_file(file);
    if (!manifest.has_shard() || manifest.shard().count() < 1)
      throw InputError(
          {{file.string(), 0, "shard", "not a shard's manifest: run the batch with --shard I/N"}});
    shards.push_back({folder, std::move(manifest)});
  }
  const auto& first = shards.front();
  const std::uint32_t count = first.manifest.shard().count();
  for (const auto& shard : shards) {
    const auto& m = shard.manifest;
    const auto file = (shard.folder / kManifestName).string();
    if (m.shard().count() != count)
      throw InputError({{file, 0, "shard.count",
                         "shard of " + std::to_string(m.shard().count()) + ", while " +
                             first.folder.string() + " is a shard of " + std::to_string(count)}});
    if (m.shard().index() >= count)
      throw InputError({{file, 0, "shard.index",
                         "shard " + std::to_string(m.shard().index()) + " of " + std::to_string(count) +
                             " cannot be: shards are numbered from 0 to " + std::to_string(count - 1)}});
    bool same_batch = m.runs_size() == first.manifest.runs_size() &&
                      m.splitsim_version() == first.manifest.splitsim_version();
    for (int k = 0; same_batch && k < m.runs_size(); ++k)
      same_batch = m.runs(k).scenario_file() == first.manifest.runs(k).scenario_file();
    if (!same_batch)
      throw InputError({{file, 0, "runs",
                         "lists other scenarios (or another splitsim) than " + first.folder.string() +
                             ": the shards of one batch are given the same paths and options"}});
  }
  // Each shard once and none missing, found without sizing anything by the count: it is input too.
  std::map<std::uint32_t, std::size_t> by_index;
  for (std::size_t s = 0; s < shards.size(); ++s) {
    const auto index = shards[s].manifest.shard().index();
    if (const auto [at, added] = by_index.emplace(index, s); !added)
      throw InputError({{(shards[s].folder / kManifestName).string(), 0, "shard.index",
                         "shard " + std::to_string(index) + " is given twice (also " +
                             shards[at->second].folder.string() + ")"}});
  }
  std::uint32_t missing = 0;
  while (by_index.count(missing)) ++missing;
  if (missing < count)
    throw InputError(first.folder.string(), "shard " + std::to_string(missing) + " of " +
                                                std::to_string(count) +
                                                " is missing: give every shard's folder");
  std::vector<ShardFolder> ordered;
  for (const auto& [index, s] : by_index) ordered.push_back(std::move(shards[s]));
  return ordered;
}

}  // namespace

v1::BatchManifest merge_shards(const std::vector<fs::path>& folders, const fs::path& output) {
  if (folders.empty()) throw UsageError("batch merge needs the folders of every shard");
  const auto shards = read_shards(folders);
  const auto count = shards.size();
  const auto& first = shards.front().manifest;

  // Everything is read and checked before anything is written.
  v1::BatchManifest merged;
  merged.set_splitsim_version(first.splitsim_version());
  std::vector<std::pair<fs::path, fs::path>> copies;  // from a shard's folder into `output`
  std::vector<std::string> reports;
  bool any_report = false;
  for (int k = 0; k < first.runs_size(); ++k) {
    const auto& shard = shards[static_cast<std::size_t>(k) % count];
    const auto& run = shard.manifest.runs(k);
    *merged.add_runs() = run;
    reports.emplace_back();
    if (run.status() != v1::OK) continue;
    const auto results = shard.folder / run.output_file();
    read_results(results, MissingChecksum::kRefuse);  // InputError naming the file when damaged
    copies.emplace_back(results, output / run.output_file());
    const auto report = fs::path(run.output_file()).replace_extension(".html");
    if (fs::is_regular_file(shard.folder / report)) {
      copies.emplace_back(shard.folder / report, output / report);
      reports.back() = report.string();
      any_report = true;
    }
  }
  for (const auto& shard : shards) {
    const auto& m = shard.manifest;
    if (merged.started_at().empty() || m.started_at() < merged.started_at())
      merged.set_started_at(m.started_at());
    if (m.finished_at() > merged.finished_at()) merged.set_finished_at(m.finished_at());
    if (m.interrupted()) merged.set_interrupted(true);
  }

  fs::create_directories(output);
  const FolderLock lock(output);
  // One file at a time, each atomically, the manifest last: a merge stopped half way leaves no manifest
  // claiming what is not there, and is simply run again.
  for (const auto& [from, to] : copies) write_file_atomically(to, read_bounded_file(from, kMaxResultsBytes));
  if (any_report) write_file_atomically(output / "index.html", render_batch_index(merged, reports));
  write_manifest_files(output, merged);
  return merged;
}

}  // namespace splitsim
