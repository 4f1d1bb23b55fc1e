// A batch scenario run on the batch's own threads: fast (plugins loaded once), but a crashing plugin takes
// the batch down, and a plugin that never returns cannot be stopped (--isolate can).
#pragma once

#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <atomic>

#include "batch/job.hpp"

namespace splitsim {

class InProcessJob final : public Job {
 public:
  InProcessJob(const PluginRegistry& registry, tbb::task_arena& arena, v1::JobRequest request);
  v1::ScenarioRun run() override;
  void cancel() override;

 private:
  const PluginRegistry& registry_;
  tbb::task_arena& arena_;
  const v1::JobRequest request_;
  tbb::task_group_context context_;  // cancelling it ends the engine's parallel loops early
  std::atomic<bool> cancelled_{false};
};

}  // namespace splitsim
