// The batch scheduler: many scenario files, each to its own results file, with a manifest of what happened
// to each. How one scenario runs (in this process, or in a child) is a Job's business (batch/job.hpp); the
// manifest's files are output/'s (output/manifest_files.hpp).
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "batch.pb.h"
#include "batch/batch_ranks.hpp"
#include "run/overrides.hpp"
#include "run/resource_estimate.hpp"

namespace splitsim {

struct BatchOptions {
  std::vector<std::filesystem::path> scenarios;  // in manifest order
  std::filesystem::path output_dir;
  std::size_t jobs = 1;     // scenarios at once
  std::size_t threads = 1;  // total worker threads shared by every scenario (no oversubscription)
  bool resume = false;      // reuse complete results whose embedded scenario matches the file
  bool fail_fast = false;   // start no new scenario after the first failure
  bool isolate = false;     // run each scenario in a child process (survives crashing plugins)
  std::optional<double> timeout_seconds;  // per scenario; needs isolate
  std::vector<std::string> plugin_dirs;
  ScenarioOverrides overrides;
  ResourceLimits limits;
  std::filesystem::path executable;  // the splitsim binary, for isolated runs
  // Shard `shard_index` of `shard_count`: only scenario k with k mod shard_count == shard_index runs here.
  std::size_t shard_index = 0, shard_count = 1;
  // Under mpirun: the ranks the scenarios are handed out to, one at a time (null: this process alone).
  const BatchRanks* ranks = nullptr;
};

// Whether scenario `index` of the whole batch belongs to this shard (always, without sharding).
bool in_shard(const BatchOptions& options, std::size_t index);

// The message of a scenario left to another shard: "run by shard J of N".
std::string other_shard_message(std::size_t index, std::size_t shard_count);

// Called after each scenario finishes (from worker threads, one at a time).
using BatchProgress = std::function<void(const v1::ScenarioRun& run, std::size_t done, std::size_t total)>;

// Runs the batch. The manifest (binary, JSON and CSV) is rewritten atomically after every scenario, so a
// batch killed at any moment leaves a consistent manifest and only complete results files. `stop` is polled:
// once set, no scenario starts, running ones are cancelled (in-process) or killed (isolated), and their
// entries stay NOT_RUN. Over ranks, rank 0 alone writes the manifest, in the same order, and a rank that is
// stopped stops the batch; every rank returns rank 0's manifest.
v1::BatchManifest run_batch(const BatchOptions& options, const std::atomic<bool>& stop,
                            const BatchProgress& progress);

}  // namespace splitsim
