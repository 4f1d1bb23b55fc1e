#include "batch/batch_runner.hpp"

#include <fcntl.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "batch/scenario_files.hpp"
#include "errors.hpp"
#include "output/atomic_file.hpp"
#include "output/results_io.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario/scenario_loader.hpp"

extern char** environ;

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string utc_now() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

v1::Headline headline_of(const v1::Results& results) {
  v1::Headline headline;
  if (!results.has_recommendation() || results.candidates_size() == 0) return headline;
  const auto& rec = results.recommendation();
  const auto& best = results.candidates(static_cast<int>(rec.candidate_index()));
  headline.set_candidate_index(rec.candidate_index());
  headline.set_kpi(v1::Kpi_Name(rec.objective().kpi()));
  headline.set_statistic(v1::Statistic_Name(rec.objective().statistic()));
  headline.set_objective_value(rec.objective_value());
  headline.set_organic_share(best.allocation().organic_share());
  for (const auto& k : best.kpis()) {
    if (k.kpi() != rec.objective().kpi()) continue;
    headline.set_mean(k.mean());
    headline.set_p5(k.p5());
    headline.set_p95(k.p95());
  }
  return headline;
}

std::string deterministic_bytes(const google::protobuf::Message& message) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  message.SerializeToCodedStream(&coded);
  coded.Trim();
  return bytes;
}

// Complete results from an earlier run of exactly this scenario (file content and overrides), or nothing.
std::optional<v1::Results> reusable_results(const fs::path& results_file, const fs::path& scenario_file,
                                            const ScenarioOverrides& overrides) {
  std::error_code ec;
  if (!fs::is_regular_file(results_file, ec)) return std::nullopt;
  try {
    auto results = load_results(results_file);
    auto loaded = load_scenario(scenario_file);
    apply_overrides(loaded.scenario, overrides);
    if (results.metadata().splitsim_version() != SPLITSIM_VERSION) return std::nullopt;
    if (deterministic_bytes(results.metadata().scenario()) != deterministic_bytes(loaded.scenario))
      return std::nullopt;
    if (results.candidates_size() == 0 || !results.has_recommendation()) return std::nullopt;
    return results;
  } catch (const std::exception&) {
    return std::nullopt;  // unreadable or changed: run it again
  }
}

const char* signal_description(int signal) {
  const char* text = ::strsignal(signal);
  return text ? text : "unknown signal";
}

class Batch {
 public:
  Batch(const BatchOptions& options, const std::atomic<bool>& stop, const BatchProgress& progress)
      : options_(options), stop_(stop), progress_(progress), names_(output_names(options.scenarios)) {
    manifest_.set_splitsim_version(SPLITSIM_VERSION);
    manifest_.set_started_at(utc_now());
    for (const auto& scenario : options.scenarios) {
      auto* run = manifest_.add_runs();
      run->set_scenario_file(scenario.string());
      run->set_status(v1::NOT_RUN);
    }
    if (!options.isolate) {
      registry_.load_directories(
          PluginRegistry::search_path({options.plugin_dirs.begin(), options.plugin_dirs.end()}));
    }
  }

  v1::BatchManifest run() {
    fs::create_directories(options_.output_dir);
    remove_leftovers();
    write_manifest();
    tbb::task_arena arena(static_cast<int>(std::max<std::size_t>(1, options_.threads)));
    std::vector<std::thread> workers;
    const std::size_t jobs =
        std::clamp<std::size_t>(options_.jobs, 1, std::max<std::size_t>(1, options_.scenarios.size()));
    for (std::size_t w = 0; w < jobs; ++w) workers.emplace_back([&] { work(arena); });
    for (auto& worker : workers) worker.join();
    std::lock_guard lock(mutex_);
    manifest_.set_interrupted(stop_.load());
    manifest_.set_finished_at(utc_now());
    write_manifest();
    return manifest_;
  }

 private:
  void work(tbb::task_arena& arena) {
    for (;;) {
      if (stop_.load() || (options_.fail_fast && failed_.load())) return;
      const std::size_t index = next_.fetch_add(1);
      if (index >= options_.scenarios.size()) return;
      const auto started = Clock::now();
      v1::ScenarioRun run = options_.isolate ? run_isolated(index) : run_in_process(index, arena);
      run.set_scenario_file(options_.scenarios[index].string());
      run.set_wall_seconds(std::chrono::duration<double>(Clock::now() - started).count());
      if (run.status() == v1::NOT_RUN) continue;  // cancelled by stop: leave its entry as it was
      if (run.status() != v1::OK) failed_.store(true);
      std::lock_guard lock(mutex_);
      *manifest_.mutable_runs(static_cast<int>(index)) = run;
      ++done_;
      write_manifest();
      if (progress_) progress_(run, done_, options_.scenarios.size());
    }
  }

  fs::path output_path(std::size_t index) const { return options_.output_dir / names_[index]; }

  // Reuse is decided before running, in both modes: the same files, the same overrides, the same version.
  bool try_reuse(std::size_t index, v1::ScenarioRun& run) const {
    if (!options_.resume) return false;
    const auto results = reusable_results(output_path(index), options_.scenarios[index], options_.overrides);
    if (!results) return false;
    run.set_status(v1::OK);
    run.set_output_file(names_[index]);
    *run.mutable_headline() = headline_of(*results);
    run.set_reused(true);
    return true;
  }

  v1::ScenarioRun run_in_process(std::size_t index, tbb::task_arena& arena) {
    v1::ScenarioRun run;
    if (try_reuse(index, run)) return run;
    try {
      auto loaded = load_scenario(options_.scenarios[index]);
      apply_overrides(loaded.scenario, options_.overrides);
      // A cancellable context: on stop, the engine's parallel loops end early and the partial results are
      // dropped (the entry stays NOT_RUN), never written.
      tbb::task_group_context context;
      std::optional<v1::Results> results;
      std::exception_ptr error;
      std::atomic<bool> finished{false};
      std::thread watcher([&] {
        while (!finished.load()) {
          if (stop_.load()) context.cancel_group_execution();
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
      });
      arena.execute([&] {
        tbb::task_group group(context);
        group.run_and_wait([&] {
          try {
            results = run_scenario(loaded, registry_, static_cast<std::size_t>(arena.max_concurrency()),
                                   options_.limits);
          } catch (...) {
            error = std::current_exception();  // Cancelled included
          }
        });
      });
      finished.store(true);
      watcher.join();
      if (context.is_group_execution_cancelled()) return v1::ScenarioRun();  // NOT_RUN
      if (error) std::rethrow_exception(error);
      save_results(output_path(index), *results);
      run.set_status(v1::OK);
      run.set_output_file(names_[index]);
      *run.mutable_headline() = headline_of(*results);
    } catch (const Cancelled&) {
      return v1::ScenarioRun();  // NOT_RUN
    } catch (const InputError& e) {
      run.set_status(v1::INVALID);
      run.set_message(e.what());
    } catch (const PluginError& e) {
      run.set_status(v1::PLUGIN_ERROR);
      run.set_message(e.what());
    } catch (const std::exception& e) {
      run.set_status(v1::FAILED);
      run.set_message(e.what());
    }
    return run;
  }

  v1::ScenarioRun run_isolated(std::size_t index) {
    v1::ScenarioRun run;
    if (try_reuse(index, run)) return run;
    const auto output = output_path(index);
    const auto stderr_file = options_.output_dir / ("." + names_[index] + ".stderr");
    const std::size_t child_threads =
        std::max<std::size_t>(1, options_.threads / std::max<std::size_t>(1, options_.jobs));
    std::vector<std::string> args{options_.executable.string(),
                                  "run",
                                  options_.scenarios[index].string(),
                                  "-o",
                                  output.string(),
                                  "--threads",
                                  std::to_string(child_threads),
                                  "--format",
                                  "csv"};
    if (options_.overrides.trials)
      args.insert(args.end(), {"--trials", std::to_string(*options_.overrides.trials)});
    if (options_.overrides.seed)
      args.insert(args.end(), {"--seed", std::to_string(*options_.overrides.seed)});
    if (options_.overrides.search) args.insert(args.end(), {"--search", *options_.overrides.search});
    for (const auto& dir : options_.plugin_dirs) args.insert(args.end(), {"--plugin-dir", dir});
    char limit[64];
    std::snprintf(limit, sizeof limit, "%.17g", options_.limits.max_bytes / (1u << 30));
    args.insert(args.end(), {"--max-memory-gib", limit});
    std::snprintf(limit, sizeof limit, "%.17g", options_.limits.max_channel_periods);
    args.insert(args.end(), {"--max-work", limit});
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
      run.set_status(v1::FAILED);
      run.set_message("cannot start " + args[0] + ": " + std::strerror(spawned));
      return run;
    }

    const auto started = Clock::now();
    int status = 0;
    bool timed_out = false, stopped = false;
    for (;;) {
      const pid_t done = ::waitpid(pid, &status, WNOHANG);
      if (done == pid) break;
      const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
      if (!timed_out && !stopped && options_.timeout_seconds && elapsed > *options_.timeout_seconds) {
        timed_out = true;
        ::kill(pid, SIGKILL);
      }
      if (!stopped && !timed_out && stop_.load()) {
        stopped = true;
        ::kill(pid, SIGKILL);  // its results are written atomically: nothing partial is left
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::string message;
    {
      std::ifstream in(stderr_file);
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty()) message += (message.empty() ? "" : "\n") + line;
      }
    }
    std::error_code ec;
    fs::remove(stderr_file, ec);
    if (message.rfind("error: ", 0) == 0) message.erase(0, 7);

    if (stopped) return v1::ScenarioRun();  // NOT_RUN
    if (timed_out) {
      run.set_status(v1::TIMED_OUT);
      run.set_message("no result after " + std::to_string(static_cast<int>(*options_.timeout_seconds)) +
                      " s (--timeout): killed");
      return run;
    }
    if (WIFSIGNALED(status)) {
      run.set_status(v1::CRASHED);
      run.set_message(std::string("the run died of signal ") + std::to_string(WTERMSIG(status)) + " (" +
                      signal_description(WTERMSIG(status)) + ")" + (message.empty() ? "" : ": " + message));
      return run;
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == kExitOk) {
      try {
        const auto results = load_results(output);
        run.set_status(v1::OK);
        run.set_output_file(names_[index]);
        *run.mutable_headline() = headline_of(results);
      } catch (const std::exception& e) {
        run.set_status(v1::FAILED);
        run.set_message(std::string("the run succeeded but its results cannot be read: ") + e.what());
      }
      return run;
    }
    run.set_status(code == kExitBadInput                           ? v1::INVALID
                   : message.find("plugin '") != std::string::npos ? v1::PLUGIN_ERROR
                                                                   : v1::FAILED);
    run.set_message(message.empty() ? "exit code " + std::to_string(code) : message);
    return run;
  }

  // A batch killed mid-write (SIGKILL) leaves the atomic writer's temporary files and isolated runs'
  // captured stderr: hidden files of ours that no complete output is. Sweep them before starting.
  void remove_leftovers() const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(options_.output_dir, ec)) {
      const auto name = entry.path().filename().string();
      const bool ours = name.size() > 1 && name[0] == '.' &&
                        (name.find(".tmp.") != std::string::npos || name.ends_with(".stderr"));
      if (ours && entry.is_regular_file()) fs::remove(entry.path(), ec);
    }
  }

  // Caller holds mutex_ (or runs alone).
  void write_manifest() {
    write_file_atomically(options_.output_dir / kManifestName, deterministic_bytes(manifest_));
    google::protobuf::util::JsonPrintOptions json_options;
    json_options.add_whitespace = true;
    json_options.preserve_proto_field_names = true;
    json_options.always_print_primitive_fields = true;
    std::string json;
    (void)google::protobuf::util::MessageToJsonString(manifest_, &json, json_options);
    write_file_atomically(options_.output_dir / kManifestJsonName, json);
    write_file_atomically(options_.output_dir / kManifestCsvName, manifest_csv(manifest_));
  }

  const BatchOptions& options_;
  const std::atomic<bool>& stop_;
  const BatchProgress& progress_;
  const std::vector<std::string> names_;
  PluginRegistry registry_;  // in-process runs share one registry: plugins are loaded once
  v1::BatchManifest manifest_;
  std::mutex mutex_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> failed_{false};
  std::size_t done_ = 0;
};

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

std::string manifest_csv(const v1::BatchManifest& manifest) {
  std::ostringstream out;
  out.precision(17);
  out << "scenario_file,status,output_file,kpi,statistic,objective_value,mean,p5,p95,organic_share,reused,"
         "message\n";
  for (const auto& run : manifest.runs()) {
    const auto& h = run.headline();
    out << csv_field(run.scenario_file()) << "," << v1::RunStatus_Name(run.status()) << ","
        << csv_field(run.output_file()) << "," << h.kpi() << "," << h.statistic() << ",";
    if (run.status() == v1::OK)
      out << h.objective_value() << "," << h.mean() << "," << h.p5() << "," << h.p95() << ","
          << h.organic_share();
    else
      out << ",,,,";
    out << "," << (run.reused() ? 1 : 0) << "," << csv_field(run.message()) << "\n";
  }
  return out.str();
}

v1::BatchManifest run_batch(const BatchOptions& options, const std::atomic<bool>& stop,
                            const BatchProgress& progress) {
  if (options.timeout_seconds && !options.isolate) {
    throw UsageError("--timeout needs --isolate: only a child process can be stopped safely");
  }
  return Batch(options, stop, progress).run();
}

}  // namespace splitsim
