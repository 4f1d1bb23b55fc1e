#include "batch/in_process_job.hpp"

#include "batch/run_request.hpp"

namespace splitsim {

InProcessJob::InProcessJob(const PluginRegistry& registry, tbb::task_arena& arena, v1::JobRequest request)
    : registry_(registry), arena_(arena), request_(std::move(request)) {}

v1::ScenarioRun InProcessJob::run() {
  v1::ScenarioRun run = not_run();
  arena_.execute([&] {
    tbb::task_group group(context_);
    group.run_and_wait(
        [&] { run = run_request(request_, registry_, static_cast<std::size_t>(arena_.max_concurrency())); });
  });
  // Our own flag decides, not the context: a task group resets a cancelled context when its wait ends, and
  // a job cancelled before it started never ran at all. Whatever a cancelled run produced is not used (a
  // results file it completed is whole, and --resume may take it).
  if (cancelled_.load()) return not_run();
  return run;
}

void InProcessJob::cancel() {
  cancelled_.store(true);
  context_.cancel_group_execution();
}

}  // namespace splitsim
