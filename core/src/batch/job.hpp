// One scenario of a batch, run one way or another: a base and a factory, one kind per file
// (in_process_job, child_process_job). The scheduler (batch_runner) makes a job per scenario, runs it on one
// of its workers, and may cancel it from its own thread when the batch is stopped.
#pragma once

#include <tbb/task_arena.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "batch.pb.h"
#include "plugins/plugin_registry.hpp"

namespace splitsim {

class Job {
 public:
  virtual ~Job() = default;

  // The scenario's manifest entry; NOT_RUN when the job was cancelled before it finished.
  virtual v1::ScenarioRun run() = 0;

  // Thread-safe and idempotent: the job stops as soon as it can, and its results are never partly written.
  virtual void cancel() = 0;
};

// What every job of a batch shares.
struct JobEnvironment {
  bool isolate = false;  // a child process per scenario, or the batch's own process
  // In process: the plugins, loaded once for the batch, and the threads every scenario shares.
  const PluginRegistry* registry = nullptr;
  tbb::task_arena* arena = nullptr;
  // Isolated: the splitsim binary the children run, and how long one may take.
  std::filesystem::path executable;
  std::optional<double> timeout_seconds;
};

std::unique_ptr<Job> make_job(const JobEnvironment& environment, v1::JobRequest request);

}  // namespace splitsim
