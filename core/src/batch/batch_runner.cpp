#include "batch/batch_runner.hpp"

#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "base/clock.hpp"
#include "base/errors.hpp"
#include "batch/folder_lock.hpp"
#include "batch/job.hpp"
#include "batch/resume.hpp"
#include "batch/run_request.hpp"
#include "batch/scenario_files.hpp"
#include "output/manifest_files.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

class Scheduler {
 public:
  Scheduler(const BatchOptions& options, const std::atomic<bool>& stop, const BatchProgress& progress)
      : options_(options),
        stop_(stop),
        progress_(progress),
        names_(output_names(options.scenarios)),
        arena_(static_cast<int>(std::max<std::size_t>(1, options.threads))) {
    manifest_.set_splitsim_version(SPLITSIM_VERSION);
    manifest_.set_started_at(utc_now());
    for (std::size_t k = 0; k < options.scenarios.size(); ++k) {
      auto* run = manifest_.add_runs();
      run->set_scenario_file(options.scenarios[k].string());
      run->set_status(v1::NOT_RUN);
      if (!in_shard(options, k)) run->set_message(other_shard_message(k, options.shard_count));
    }
    if (options.shard_count > 1) {
      manifest_.mutable_shard()->set_index(static_cast<std::uint32_t>(options.shard_index));
      manifest_.mutable_shard()->set_count(static_cast<std::uint32_t>(options.shard_count));
    }
    for (std::size_t k = 0; k < options.scenarios.size(); ++k) {
      if (in_shard(options, k)) mine_.push_back(k);
    }
    environment_.isolate = options.isolate;
    environment_.executable = options.executable;
    environment_.timeout_seconds = options.timeout_seconds;
    if (!options.isolate) {
      registry_.use_search_path(
          PluginRegistry::search_path({options.plugin_dirs.begin(), options.plugin_dirs.end()}));
      environment_.registry = &registry_;
      environment_.arena = &arena_;
    }
  }

  v1::BatchManifest run() {
    fs::create_directories(options_.output_dir);
    const FolderLock folder_lock(options_.output_dir);
    remove_leftovers();
    write_manifest_files(options_.output_dir, manifest_);
    const std::size_t jobs =
        std::clamp<std::size_t>(options_.jobs, 1, std::max<std::size_t>(1, mine_.size()));
    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < jobs; ++w) {
      workers.emplace_back([&] {
        work();
        ++finished_workers_;
      });
    }
    // This thread watches for a stop while the workers run: the one place that turns the flag (set by a
    // signal handler, which may do nothing else) into cancelled jobs.
    while (finished_workers_.load() < jobs) {
      if (stop_.load()) cancel_running();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (auto& worker : workers) worker.join();
    std::lock_guard lock(mutex_);
    manifest_.set_interrupted(stop_.load());
    manifest_.set_finished_at(utc_now());
    write_manifest_files(options_.output_dir, manifest_);
    return manifest_;
  }

 private:
  void work() {
    for (;;) {
      if (stop_.load() || (options_.fail_fast && failed_.load())) return;
      const std::size_t next = next_.fetch_add(1);
      if (next >= mine_.size()) return;
      const std::size_t index = mine_[next];
      const auto started = Clock::now();
      v1::ScenarioRun run = run_one(index);
      if (run.status() == v1::NOT_RUN) continue;  // stopped: its entry stays as it was
      run.set_scenario_file(options_.scenarios[index].string());
      run.set_wall_seconds(std::chrono::duration<double>(Clock::now() - started).count());
      if (run.status() != v1::OK) failed_.store(true);
      std::lock_guard lock(mutex_);
      *manifest_.mutable_runs(static_cast<int>(index)) = run;
      ++done_;
      write_manifest_files(options_.output_dir, manifest_);
      if (progress_) progress_(run, done_, mine_.size());
    }
  }

  v1::ScenarioRun run_one(std::size_t index) {
    const v1::JobRequest request = request_for(index);
    // Reuse is decided here, before any job starts, the same way in both modes.
    if (options_.resume) {
      if (const auto results =
              reusable_results(request.output_file(), options_.scenarios[index], options_.overrides)) {
        v1::ScenarioRun run;
        run.set_status(v1::OK);
        run.set_output_file(request.output_name());
        *run.mutable_headline() = headline_of(*results);
        run.set_reused(true);
        return run;
      }
    }
    const auto job = make_job(environment_, request);
    {
      std::lock_guard lock(running_mutex_);
      if (stop_.load()) return not_run();
      running_.insert(job.get());
    }
    v1::ScenarioRun run = job->run();
    std::lock_guard lock(running_mutex_);
    running_.erase(job.get());
    return run;
  }

  v1::JobRequest request_for(std::size_t index) const {
    v1::JobRequest request;
    request.set_scenario_file(options_.scenarios[index].string());
    request.set_output_name(names_[index]);
    request.set_output_file((options_.output_dir / names_[index]).string());
    if (options_.overrides.trials) request.set_trials(*options_.overrides.trials);
    if (options_.overrides.seed) request.set_seed(*options_.overrides.seed);
    if (options_.overrides.search) request.set_search(*options_.overrides.search);
    for (const auto& dir : options_.plugin_dirs) request.add_plugin_dirs(dir);
    request.set_threads(static_cast<std::uint32_t>(
        std::max<std::size_t>(1, options_.threads / std::max<std::size_t>(1, options_.jobs))));
    request.set_max_bytes(options_.limits.max_bytes);
    request.set_max_channel_periods(options_.limits.max_channel_periods);
    return request;
  }

  void cancel_running() {
    std::lock_guard lock(running_mutex_);
    for (Job* job : running_) job->cancel();
  }

  // A batch killed mid-write (SIGKILL) leaves the atomic writer's temporary files and isolated runs' request,
  // status and stderr files: hidden files of ours that no complete output is. Sweep them before starting.
  void remove_leftovers() const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(options_.output_dir, ec)) {
      const auto name = entry.path().filename().string();
      const bool ours = name.size() > 1 && name[0] == '.' &&
                        (name.find(".tmp.") != std::string::npos || name.ends_with(".stderr") ||
                         name.ends_with(".job") || name.ends_with(".status"));
      if (ours && entry.is_regular_file()) fs::remove(entry.path(), ec);
    }
  }

  const BatchOptions& options_;
  const std::atomic<bool>& stop_;
  const BatchProgress& progress_;
  const std::vector<std::string> names_;
  tbb::task_arena arena_;    // in-process jobs share these threads
  PluginRegistry registry_;  // in-process jobs share one registry: plugins are loaded once
  JobEnvironment environment_;
  v1::BatchManifest manifest_;
  std::mutex mutex_;  // the manifest and the progress count
  std::mutex running_mutex_;
  std::set<Job*> running_;
  std::vector<std::size_t> mine_;  // this shard's scenarios (every one, unsharded), in manifest order
  std::atomic<std::size_t> next_{0};
  std::atomic<std::size_t> finished_workers_{0};
  std::atomic<bool> failed_{false};
  std::size_t done_ = 0;
};

}  // namespace

bool in_shard(const BatchOptions& options, std::size_t index) {
  return options.shard_count <= 1 || index % options.shard_count == options.shard_index;
}

std::string other_shard_message(std::size_t index, std::size_t shard_count) {
  return "run by shard " + std::to_string(index % shard_count) + " of " + std::to_string(shard_count);
}

v1::BatchManifest run_batch(const BatchOptions& options, const std::atomic<bool>& stop,
                            const BatchProgress& progress) {
  if (options.timeout_seconds && !options.isolate) {
    throw UsageError("--timeout needs --isolate: only a child process can be stopped safely");
  }
  if (options.shard_count == 0 || options.shard_index >= options.shard_count)
    throw UsageError("--shard I/N needs 0 <= I < N");
  return Scheduler(options, stop, progress).run();
}

}  // namespace splitsim
