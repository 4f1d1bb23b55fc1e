#include "batch/job.hpp"

#include "batch/child_process_job.hpp"
#include "batch/in_process_job.hpp"

namespace splitsim {

std::unique_ptr<Job> make_job(const JobEnvironment& environment, v1::JobRequest request) {
  if (environment.isolate) {
    return std::make_unique<ChildProcessJob>(environment.executable, environment.timeout_seconds,
                                             std::move(request));
  }
  return std::make_unique<InProcessJob>(*environment.registry, *environment.arena, std::move(request));
}

}  // namespace splitsim
