#include "batch/batch_runner.hpp"

#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
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
    if (ranks() && ranks()->rank() != 0) return run_as_helper();
    try {
      fs::create_directories(options_.output_dir);
      folder_lock_.emplace(options_.output_dir);
      remove_leftovers();
      write_manifest_files(options_.output_dir, manifest_);
    } catch (...) {
      if (ranks()) ranks()->agree_to_start(false);  // the other ranks end too, rather than wait for work
      throw;
    }
    if (ranks()) ranks()->agree_to_start(true);
    const std::size_t jobs = job_count();
    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < jobs; ++w) {
      workers.emplace_back([&] {
        work();
        ++finished_workers_;
      });
    }
    // This thread watches for a stop while the workers run: the one place that turns the flag (set by a
    // signal handler, which may do nothing else) into cancelled jobs. Over ranks it also answers the other
    // ranks, until each has been told there is nothing left and has sent every entry it owes.
    std::vector<Helper> helpers(ranks() ? ranks()->size() : 1);
    auto helpers_done = [&] {
      return std::all_of(helpers.begin() + 1, helpers.end(),
                         [](const Helper& h) { return h.told_no_more && h.owed == 0; });
    };
    while (finished_workers_.load() < jobs || !helpers_done()) {
      if (stopping()) cancel_running();
      if (ranks()) {
        if (!serve(helpers)) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
    for (auto& worker : workers) worker.join();
    {
      std::lock_guard lock(mutex_);
      manifest_.set_interrupted(stopping());
      manifest_.set_finished_at(utc_now());
      write_manifest_files(options_.output_dir, manifest_);
    }
    return ranks() ? ranks()->share_manifest(manifest_) : manifest_;
  }

 private:
  // What rank 0 knows of another rank: whether it was told there are no scenarios left, and how many
  // scenarios it was given whose entries have not come back yet.
  struct Helper {
    bool told_no_more = false;
    std::size_t owed = 0;
  };

  const BatchRanks* ranks() const { return options_.ranks; }

  std::size_t job_count() const {
    return std::clamp<std::size_t>(options_.jobs, 1, std::max<std::size_t>(1, mine_.size()));
  }

  // Stopped by a signal here, or by another rank that was (it sent a NOT_RUN entry).
  bool stopping() const { return stop_.load() || stopped_elsewhere_.load(); }

  // The next scenario for a worker of any rank, in manifest order; none once stopping or all are given.
  std::optional<std::size_t> take_next() {
    if (stopping() || (options_.fail_fast && failed_.load())) return std::nullopt;
    const std::size_t next = next_.fetch_add(1);
    if (next >= mine_.size()) return std::nullopt;
    return mine_[next];
  }

  // Rank 0: handles the messages that have come; false when there were none.
  bool serve(std::vector<Helper>& helpers) {
    bool any = false;
    while (auto message = ranks()->receive()) {
      any = true;
      Helper& helper = helpers.at(message->from);
      if (message->asks) {
        const auto index = take_next();
        if (index) {
          ++helper.owed;
        } else {
          helper.told_no_more = true;
        }
        ranks()->answer(message->from, index);
      } else {
        if (helper.owed > 0) --helper.owed;
        if (message->index >= options_.scenarios.size()) continue;  // not one of ours: nothing to record
        if (message->run.status() == v1::NOT_RUN) {
          stopped_elsewhere_.store(true);
        } else {
          record(message->index, message->run);
        }
      }
    }
    return any;
  }

  // A rank other than 0: runs the scenarios rank 0 hands out and sends back their entries; rank 0 writes
  // the manifest. Workers take what this thread got from rank 0, and leave their entries for it to send.
  v1::BatchManifest run_as_helper() {
    if (!ranks()->agree_to_start(false)) throw std::runtime_error("the batch did not start on rank 0");
    const std::size_t jobs = job_count();
    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < jobs; ++w) {
      workers.emplace_back([&] {
        help();
        ++finished_workers_;
      });
    }
    for (;;) {
      if (stop_.load()) cancel_running();
      std::vector<std::pair<std::size_t, v1::ScenarioRun>> finished;
      bool ask = false;
      {
        std::lock_guard lock(handed_mutex_);
        finished.swap(finished_);
        // Stopped, it still asks until told there is nothing left, so that rank 0 knows it has ended.
        ask = !no_more_ && (waiting_ > handed_.size() || stop_.load());
      }
      // Entries go before the next request: rank 0 records them before it answers.
      for (const auto& [index, run] : finished) ranks()->send_finished(index, run);
      if (ask) {
        const auto index = ranks()->ask_for_scenario();
        std::lock_guard lock(handed_mutex_);
        if (!index) {
          no_more_ = true;
        } else if (stop_.load()) {
          finished_.emplace_back(*index, not_run());
        } else {
          handed_.push_back(*index);
        }
        handed_changed_.notify_all();
        continue;
      }
      if (finished.empty()) {
        std::lock_guard lock(handed_mutex_);
        if (no_more_ && finished_workers_.load() == jobs && finished_.empty()) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    for (auto& worker : workers) worker.join();
    return ranks()->share_manifest(manifest_);
  }

  // A helper rank's worker: one scenario after another as rank 0 hands them out.
  void help() {
    for (;;) {
      std::size_t index = 0;
      {
        std::unique_lock lock(handed_mutex_);
        ++waiting_;
        // Waits in slices: a stop comes from a signal handler, which cannot notify.
        while (handed_.empty() && !no_more_ && !stop_.load())
          handed_changed_.wait_for(lock, std::chrono::milliseconds(20));
        --waiting_;
        if (handed_.empty()) return;
        index = handed_.front();
        handed_.pop_front();
      }
      v1::ScenarioRun run = run_timed(index);
      std::lock_guard lock(handed_mutex_);
      finished_.emplace_back(index, std::move(run));
    }
  }

  void work() {
    while (const auto index = take_next()) {
      const v1::ScenarioRun run = run_timed(*index);
      if (run.status() == v1::NOT_RUN) continue;  // stopped: its entry stays as it was
      record(*index, run);
    }
  }

  // Scenario `index` run, with its file and duration; NOT_RUN as it is when it was stopped.
  v1::ScenarioRun run_timed(std::size_t index) {
    const auto started = Clock::now();
    v1::ScenarioRun run = run_one(index);
    if (run.status() == v1::NOT_RUN) return run;
    run.set_scenario_file(options_.scenarios[index].string());
    run.set_wall_seconds(std::chrono::duration<double>(Clock::now() - started).count());
    return run;
  }

  // A finished scenario's entry into the manifest, rewritten at once (atomically).
  void record(std::size_t index, const v1::ScenarioRun& run) {
    if (run.status() != v1::OK) failed_.store(true);
    std::lock_guard lock(mutex_);
    *manifest_.mutable_runs(static_cast<int>(index)) = run;
    ++done_;
    write_manifest_files(options_.output_dir, manifest_);
    if (progress_) progress_(run, done_, mine_.size());
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
  std::optional<FolderLock> folder_lock_;  // rank 0's (or this process's), for the batch's lifetime
  v1::BatchManifest manifest_;
  std::mutex mutex_;  // the manifest and the progress count
  std::mutex running_mutex_;
  std::set<Job*> running_;
  std::vector<std::size_t> mine_;  // this shard's scenarios (every one, unsharded), in manifest order
  std::atomic<std::size_t> next_{0};
  std::atomic<std::size_t> finished_workers_{0};
  std::atomic<bool> failed_{false};
  std::atomic<bool> stopped_elsewhere_{false};
  std::size_t done_ = 0;
  // A helper rank's scenarios from rank 0, its workers waiting for one, and entries not yet sent.
  std::mutex handed_mutex_;
  std::condition_variable handed_changed_;
  std::deque<std::size_t> handed_;
  std::size_t waiting_ = 0;
  bool no_more_ = false;
  std::vector<std::pair<std::size_t, v1::ScenarioRun>> finished_;
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
