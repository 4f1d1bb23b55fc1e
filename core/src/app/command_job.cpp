// splitsim job REQUEST: one scenario of an isolated batch, run in this child process. Not meant for people:
// the batch writes the request and reads back the ScenarioRun this writes to the request's status file.
#include <sys/prctl.h>
#include <tbb/global_control.h>
#include <unistd.h>

#include <csignal>
#include <fstream>

#include "app/cli_support.hpp"
#include "base/deterministic_bytes.hpp"
#include "base/errors.hpp"
#include "batch/run_request.hpp"
#include "output/atomic_file.hpp"

namespace splitsim::cli {

int command_job(const std::vector<std::string>& args, std::ostream& out) {
  if (args.size() != 1 || args[0] == "--help" || args[0] == "-h") {
    out << "Usage: splitsim job REQUEST\n(used by `splitsim batch --isolate` to run one scenario in a child "
           "process)\n";
    return args.size() == 1 ? kExitOk : kExitBadInput;
  }
  v1::JobRequest request;
  {
    std::ifstream in(args[0], std::ios::binary);
    if (!in || !request.ParseFromIstream(&in) || request.status_file().empty()) {
      throw UsageError("cannot read the job request " + escape_unprintable(args[0]));
    }
  }
  // A child must not outlive its batch: if the batch dies, so does this run, at once.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (request.parent_pid() != 0 && ::getppid() != static_cast<pid_t>(request.parent_pid())) {
    return kExitRuntimeFailure;  // the batch ended before this started
  }
  const std::size_t threads = std::max<std::uint32_t>(1, request.threads());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  v1::ScenarioRun run;
  try {
    const auto registry = load_registry({request.plugin_dirs().begin(), request.plugin_dirs().end()});
    run = run_request(request, registry, threads);
  } catch (...) {
    run = failed_run(std::current_exception());
  }
  write_file_atomically(request.status_file(), deterministic_bytes(run));
  return kExitOk;
}

}  // namespace splitsim::cli
