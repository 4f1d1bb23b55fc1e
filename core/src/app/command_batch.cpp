// splitsim batch: many scenario files, each to its own results file, with a manifest of every outcome.
#include <tbb/info.h>
#include <unistd.h>

#include <atomic>
#include <boost/dll/runtime_symbol_info.hpp>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <map>
#include <sstream>
#include <tuple>

#include "app/cli_support.hpp"
#include "base/errors.hpp"
#include "batch/batch_runner.hpp"
#include "batch/scenario_files.hpp"
#include "batch/shard_merge.hpp"
#include "output/atomic_file.hpp"
#include "output/batch_index.hpp"
#include "output/manifest_files.hpp"
#include "output/report/report_page.hpp"
#include "output/results_io.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr double kDefaultIsolatedTimeoutSeconds = 3600.0;

// Set by SIGINT/SIGTERM; the batch polls it, finishes nothing new, and writes its manifest.
std::atomic<bool> stop_requested{false};
volatile std::sig_atomic_t signal_received = 0;
volatile std::sig_atomic_t in_process = 0;
// Under mpirun every rank gets the signal; rank 0 alone says what happens, as it alone prints.
volatile std::sig_atomic_t announce_stop = 1;

// Only async-signal-safe calls here (write, _exit).
void say(const char* text) {
  std::size_t length = 0;
  while (text[length] != '\0') ++length;
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, text, length);
}

extern "C" void on_stop_signal(int signal) {
  if (stop_requested.load()) {
    // A second stop: end now. The manifest on disk is whole (it is replaced atomically after every
    // scenario), running scenarios stay NOT_RUN, and isolated children die with their parent.
    if (announce_stop) say("\nstopped at once: resume with the same command plus --resume\n");
    ::_exit(128 + signal);
  }
  signal_received = signal;
  stop_requested.store(true);
  if (!announce_stop) return;
  say(in_process
          ? "\nstopping: waiting for the running scenarios to end (a plugin that never returns cannot be "
            "stopped in process: press Ctrl-C again to stop at once, and use --isolate)\n"
          : "\nstopping: ending the running scenarios (press Ctrl-C again to stop at once)\n");
  // A termination, unlike Ctrl-C, comes from whatever runs the batch (mpirun when a rank died, a cluster's
  // scheduler), which may kill this process before it ends: how to go on is said now, not only at the end.
  if (signal == SIGTERM) say("finished scenarios are kept: resume with the same command plus --resume\n");
}

// Installs the handlers for the command's lifetime and restores the previous ones after.
class StopSignals {
 public:
  StopSignals() {
    stop_requested.store(false);
    signal_received = 0;
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

std::string status_word(v1::RunStatus status) {
  std::string word = v1::RunStatus_Name(status);
  for (auto& c : word) c = static_cast<char>(c == '_' ? ' ' : std::tolower(c));
  return word;
}

// "Summary: 3 ok; 1 invalid;" as a batch and a merge end with it.
std::string summary_line(const std::map<v1::RunStatus, int>& counts) {
  std::string line = "Summary:";
  for (const auto& [status, count] : counts)
    line += " " + std::to_string(count) + " " + status_word(status) + ";";
  return line + "\n";
}

std::string duration(double seconds) {
  char text[32];
  if (seconds < 60) {
    std::snprintf(text, sizeof text, "%.0fs", seconds);
  } else {
    std::snprintf(text, sizeof text, "%dm%02ds", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
  }
  return text;
}

// Each finished scenario's report beside its results (`name.html` for `name.pb`), and the index linking them.
// A report that cannot be made is said on `err` and left out: the batch's results stand without it.
void write_batch_reports(const v1::BatchManifest& manifest, const fs::path& output_dir, std::ostream& err) {
  std::vector<std::string> reports;
  for (const auto& run : manifest.runs()) {
    reports.emplace_back();
    if (run.status() != v1::OK) continue;
    const auto results = output_dir / run.output_file();
    auto report = fs::path(run.output_file()).replace_extension(".html");
    try {
      write_file_atomically(
          output_dir / report,
          render_report(read_results(results, MissingChecksum::kAccept).results, results.string()));
      reports.back() = report.string();
    } catch (const std::exception& e) {
      err << "report of " << run.scenario_file() << " not written: " << e.what() << "\n";
    }
  }
  write_file_atomically(output_dir / "index.html", render_batch_index(manifest, reports));
}

// "I/N" of --shard, as numbers.
std::pair<std::size_t, std::size_t> parse_shard(const std::string& text) {
  std::size_t index = 0, count = 0;
  char slash = 0, rest = 0;
  std::istringstream in(text);
  if (!(in >> index >> slash >> count) || slash != '/' || in >> rest || count == 0 || index >= count ||
      text.find('-') != std::string::npos)
    throw UsageError("--shard must be I/N with 0 <= I < N, e.g. 0/4 (got '" + escape_unprintable(text) +
                     "')");
  return {index, count};
}

}  // namespace

int command_batch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                  const BatchRanks* ranks) {
  std::vector<std::string> paths, plugin_dirs;
  std::string output_dir;
  std::size_t jobs = 0;
  unsigned threads = 0;
  double timeout = 0;
  po::options_description options("Options");
  options.add_options()("paths", po::value(&paths)->multitoken(), "scenario files, folders or glob patterns")(
      "output,o", po::value(&output_dir)->required(), "folder for the results files and the manifest")(
      "jobs,j", po::value(&jobs)->default_value(0), "scenarios run at once; 0 = as many as threads")(
      "threads", po::value(&threads)->default_value(0),
      "total worker threads shared by all scenarios; 0 = all cores")(
      "resume", "skip scenarios whose complete results (same scenario, same version) already exist")(
      "fail-fast", "start no new scenario after the first failure")(
      "isolate", "run each scenario in its own process: a crashing plugin fails only its scenario")(
      "timeout", po::value(&timeout),
      "seconds an isolated scenario may run before it is killed (implies --isolate; default 3600; 0 = no "
      "limit)")("trials", po::value<std::uint64_t>(),
                "Monte Carlo trials per candidate (overrides every scenario)")(
      "seed", po::value<std::uint64_t>(), "random seed (overrides every scenario)")(
      "search", po::value<std::string>(), "grid or optimize (overrides every scenario's search strategy)")(
      "report", "also write each scenario's HTML report beside its results, and index.html linking them")(
      "shard", po::value<std::string>(),
      "I/N: run only shard I (0 <= I < N) of the batch, scenarios I, I+N, I+2N... of the sorted list (one "
      "task of a Slurm job array or a Kubernetes indexed Job); join the N folders with `batch merge`");
  add_plugin_options(options, plugin_dirs);
  ResourceLimits limits;
  add_limit_options(options, limits);
  po::positional_options_description positional;
  positional.add("paths", -1);
  const std::string usage =
      "Usage: splitsim batch PATHS... -o OUTDIR [--jobs N] [--resume] [--fail-fast] [--isolate] [--timeout "
      "S] [--report] [--shard I/N]\n       splitsim batch merge SHARD_FOLDERS... -o OUTDIR";
  const auto vm = parse(args, options, positional, usage, out);
  if (!vm) return kExitOk;
  if (paths.empty()) throw UsageError("batch needs at least one scenario file, folder or pattern\n" + usage);

  BatchOptions batch;
  batch.scenarios = find_scenario_files(paths, output_dir);
  batch.output_dir = output_dir;
  batch.threads = worker_threads(threads, &err);
  batch.jobs = jobs > 0 ? jobs : batch.threads;
  batch.resume = vm->count("resume") > 0;
  batch.fail_fast = vm->count("fail-fast") > 0;
  batch.isolate = vm->count("isolate") > 0 || vm->count("timeout") > 0;
  if (vm->count("timeout")) {
    if (!(timeout >= 0) || !std::isfinite(timeout))
      throw UsageError("--timeout must be a number of seconds (0: no limit)");
    if (timeout > 0) batch.timeout_seconds = timeout;
  } else if (batch.isolate) {
    // A hung plugin must not hold a batch forever; an hour is far beyond any scenario the limits allow.
    batch.timeout_seconds = kDefaultIsolatedTimeoutSeconds;
  }
  batch.plugin_dirs = plugin_dirs;
  batch.overrides = overrides_from(*vm);
  batch.limits = limits;
  batch.executable = boost::dll::program_location();
  batch.ranks = ranks;
  if (vm->count("shard"))
    std::tie(batch.shard_index, batch.shard_count) = parse_shard((*vm)["shard"].as<std::string>());
  for (const auto& dir : plugin_dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
      throw UsageError("--plugin-dir " + escape_unprintable(dir) + ": no such folder");
  }

  const bool terminal = ::isatty(STDERR_FILENO) == 1;
  const auto started = std::chrono::steady_clock::now();
  auto progress = [&](const v1::ScenarioRun& run, std::size_t done, std::size_t total) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double eta =
        done > 0 ? elapsed / static_cast<double>(done) * static_cast<double>(total - done) : 0.0;
    if (terminal) {
      char bar[41];
      const std::size_t filled = total > 0 ? done * 40 / total : 40;
      for (std::size_t i = 0; i < 40; ++i) bar[i] = i < filled ? '#' : '.';
      bar[40] = '\0';
      err << "\r[" << bar << "] " << done << "/" << total << "  ETA " << duration(eta) << "   " << std::flush;
      if (done == total) err << "\n";
    } else {
      err << "[" << done << "/" << total << "] " << status_word(run.status())
          << (run.reused() ? " (reused)" : "") << ": " << run.scenario_file() << "\n";
    }
  };

  in_process = batch.isolate ? 0 : 1;
  announce_stop = !ranks || ranks->rank() == 0 ? 1 : 0;
  StopSignals signals;
  const auto manifest = run_batch(batch, stop_requested, progress);
  if (terminal) err << "\n";
  // Over ranks every rank returns rank 0's manifest; rank 0 alone writes the reports, as it wrote it.
  if (vm->count("report") && (!ranks || ranks->rank() == 0)) write_batch_reports(manifest, output_dir, err);

  std::map<v1::RunStatus, int> counts;
  int mine = 0;
  for (int k = 0; k < manifest.runs_size(); ++k) {
    if (!in_shard(batch, static_cast<std::size_t>(k))) continue;
    ++counts[manifest.runs(k).status()];
    ++mine;
  }
  out << "Batch: " << manifest.runs_size() << " scenarios into " << output_dir
      << " (manifest: " << (fs::path(output_dir) / kManifestCsvName).string() << ")\n";
  if (batch.shard_count > 1)
    out << "Shard " << batch.shard_index << " of " << batch.shard_count << ": " << mine
        << " of them; join the shards' folders with `splitsim batch merge`\n";
  for (int k = 0; k < manifest.runs_size(); ++k) {
    if (!in_shard(batch, static_cast<std::size_t>(k))) continue;
    const auto& run = manifest.runs(k);
    char figure[64] = "";
    if (run.status() == v1::OK) {
      std::snprintf(figure, sizeof figure, "%s %s %.6g", run.headline().statistic().c_str(),
                    run.headline().kpi().c_str(), run.headline().objective_value());
    }
    out << "  " << status_word(run.status()) << (run.reused() ? " (reused)" : "") << "  "
        << run.scenario_file();
    if (run.status() == v1::OK) out << "  -> " << run.output_file() << "  " << figure;
    if (!run.message().empty()) out << "\n      " << run.message().substr(0, run.message().find('\n'));
    out << "\n";
  }
  out << summary_line(counts);

  if (manifest.interrupted()) {
    err << "Interrupted: finished scenarios are kept. Resume with the same command plus --resume.\n";
    return 128 + (signal_received ? static_cast<int>(signal_received) : SIGINT);
  }
  return counts[v1::OK] == mine ? kExitOk : kExitRuntimeFailure;
}

int command_batch_merge(const std::vector<std::string>& args, std::ostream& out) {
  std::vector<std::string> folders;
  std::string output_dir;
  po::options_description options("Options");
  options.add_options()("folders", po::value(&folders)->multitoken(), "the output folders of every shard")(
      "output,o", po::value(&output_dir)->required(), "folder for the joined results and manifest");
  po::positional_options_description positional;
  positional.add("folders", -1);
  const std::string usage = "Usage: splitsim batch merge SHARD_FOLDERS... -o OUTDIR";
  const auto vm = parse(args, options, positional, usage, out);
  if (!vm) return kExitOk;
  if (folders.empty()) throw UsageError("batch merge needs the output folder of every shard\n" + usage);
  std::vector<fs::path> paths;
  for (const auto& folder : folders) {
    std::error_code ec;
    if (fs::exists(output_dir, ec) && fs::equivalent(folder, output_dir, ec))
      throw UsageError("batch merge: -o " + escape_unprintable(output_dir) +
                       " is one of the shards' folders: give a new folder");
    paths.emplace_back(folder);
  }
  const auto manifest = merge_shards(paths, output_dir);
  std::map<v1::RunStatus, int> counts;
  for (const auto& run : manifest.runs()) ++counts[run.status()];
  out << "Merged " << folders.size() << " shards: " << manifest.runs_size() << " scenarios into "
      << output_dir << " (manifest: " << (fs::path(output_dir) / kManifestCsvName).string() << ")\n"
      << summary_line(counts);
  return counts[v1::OK] == manifest.runs_size() ? kExitOk : kExitRuntimeFailure;
}

}  // namespace splitsim::cli
