#include "batch/child_process_job.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>

#include "base/deterministic_bytes.hpp"
#include "batch/run_request.hpp"
#include "output/atomic_file.hpp"

extern char** environ;

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The child's files beside its results: hidden, so no scenario or results name can collide with them, and
// swept by the batch at its next start if it was killed before removing them.
fs::path hidden_file(const v1::JobRequest& request, const char* suffix) {
  const fs::path output(request.output_file());
  return output.parent_path() / ("." + request.output_name() + suffix);
}

// The end of a file, at most `limit` bytes: a child's stderr is only context for a crash.
std::string tail_of(const fs::path& path, std::size_t limit = 2000) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return "";
  const auto size = static_cast<std::size_t>(in.tellg());
  const std::size_t start = size > limit ? size - limit : 0;
  in.seekg(static_cast<std::streamoff>(start));
  std::string text(size - start, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (start > 0) text = "..." + text;
  return text;
}

std::optional<v1::ScenarioRun> read_status(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  v1::ScenarioRun run;
  if (!in || !run.ParseFromIstream(&in) || run.status() == v1::RUN_STATUS_UNSPECIFIED) return std::nullopt;
  return run;
}

const char* signal_description(int signal) {
  const char* text = ::strsignal(signal);
  return text ? text : "unknown signal";
}

v1::ScenarioRun with_status(v1::RunStatus status, std::string message) {
  v1::ScenarioRun run;
  run.set_status(status);
  run.set_message(std::move(message));
  return run;
}

}  // namespace

ChildProcessJob::ChildProcessJob(fs::path executable, std::optional<double> timeout_seconds,
                                 v1::JobRequest request)
    : executable_(std::move(executable)), timeout_seconds_(timeout_seconds), request_(std::move(request)) {}

void ChildProcessJob::cancel() { cancelled_.store(true); }

v1::ScenarioRun ChildProcessJob::run() {
  const fs::path request_file = hidden_file(request_, ".job");
  const fs::path status_file = hidden_file(request_, ".status");
  const fs::path stderr_file = hidden_file(request_, ".stderr");
  std::error_code ec;
  fs::remove(status_file, ec);
  request_.set_status_file(status_file.string());
  request_.set_parent_pid(::getpid());
  write_file_atomically(request_file, deterministic_bytes(request_));
  struct Cleanup {
    std::vector<fs::path> files;
    ~Cleanup() {
      std::error_code ignored;
      for (const auto& file : files) fs::remove(file, ignored);
    }
  } cleanup{{request_file, status_file, stderr_file}};

  std::string executable = executable_.string(), command = "job", request_arg = request_file.string();
  char* argv[] = {executable.data(), command.data(), request_arg.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  // A process group of its own: a terminal's Ctrl-C reaches only the batch, which decides, and killing the
  // group also ends whatever the plugin started.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0)
    return with_status(v1::FAILED, "cannot start " + executable + ": " + std::strerror(spawned));

  const auto started = Clock::now();
  int status = 0;
  bool timed_out = false, stopped = false;
  while (::waitpid(pid, &status, WNOHANG) != pid) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    if (!timed_out && !stopped && timeout_seconds_ && elapsed > *timeout_seconds_) {
      timed_out = true;
      ::killpg(pid, SIGKILL);
    }
    if (!stopped && !timed_out && cancelled_.load()) {
      stopped = true;
      ::killpg(pid, SIGKILL);  // its results are written atomically: nothing partial is left
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  if (stopped) return not_run();
  if (timed_out) {
    char text[96];
    std::snprintf(text, sizeof text, "no result after %g s (--timeout): killed", *timeout_seconds_);
    return with_status(v1::TIMED_OUT, text);
  }
  if (WIFEXITED(status)) {
    if (auto answer = read_status(status_file)) return *answer;
  }
  const std::string context = tail_of(stderr_file);
  if (WIFSIGNALED(status)) {
    return with_status(v1::CRASHED, std::string("the run died of signal ") +
                                        std::to_string(WTERMSIG(status)) + " (" +
                                        signal_description(WTERMSIG(status)) + ")" +
                                        (context.empty() ? "" : ": " + context));
  }
  return with_status(v1::FAILED, "the run ended with exit code " + std::to_string(WEXITSTATUS(status)) +
                                     " and no status" + (context.empty() ? "" : ": " + context));
}

}  // namespace splitsim
