// A batch scenario run in a child process (`splitsim job REQUEST`): a plugin that crashes, hangs or leaks
// fails only its own scenario. The child answers with a ScenarioRun message in a file; only a child that
// died before answering is described from outside (its signal or exit code, and the end of its stderr).
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>

#include "batch/job.hpp"

namespace splitsim {

class ChildProcessJob final : public Job {
 public:
  ChildProcessJob(std::filesystem::path executable, std::optional<double> timeout_seconds,
                  v1::JobRequest request);
  v1::ScenarioRun run() override;
  void cancel() override;

 private:
  const std::filesystem::path executable_;
  const std::optional<double> timeout_seconds_;
  v1::JobRequest request_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace splitsim
