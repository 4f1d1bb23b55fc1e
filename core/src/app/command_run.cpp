// splitsim run: simulate every candidate split of a scenario and recommend one.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <filesystem>

#include "app/cli_support.hpp"
#include "base/errors.hpp"
#include "output/atomic_file.hpp"
#include "output/formatters.hpp"
#include "output/output_path.hpp"
#include "output/report/report_page.hpp"
#include "output/results_io.hpp"
#include "output/stdout_diversion.hpp"
#include "run/progress.hpp"
#include "run/scenario_run.hpp"
#include "run/time_estimate.hpp"
#include "scenario/scenario_loader.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// What a person waiting for the run sees on stderr: the estimated time of a long run (and, for a large grid,
// the optimizer suggested) always; a progress bar only when stderr is a terminal, never in a log or a pipe.
class StderrFeedback : public RunObserver {
 public:
  StderrFeedback(std::ostream& err, bool terminal) : err_(err), terminal_(terminal), bar_(err) {}
  void planned(const RunPlan& plan, bool optimize, std::size_t threads) override {
    err_ << run_time_notice(plan, optimize, threads) << std::flush;
    if (terminal_) bar_.start(plan.candidates);
  }
  void warned(const std::string& warning) override { err_ << "warning: " << warning << "\n" << std::flush; }
  void simulated(std::size_t count) override {
    if (terminal_) bar_.advance(count);
  }
  void finished() override {
    if (terminal_) bar_.finish();
  }

 private:
  std::ostream& err_;
  bool terminal_;
  ProgressBar bar_;
};

}  // namespace

int command_run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                const ProcessGroup* group) {
  std::string scenario_file, output_file, format_text, view_text, report_file;
  unsigned threads = 0;
  int top = 10;
  std::vector<std::string> plugin_dirs;
  po::options_description options("Options");
  options.add_options()("scenario", po::value(&scenario_file)->required(),
                        "scenario file (.textproto, .pbtxt, .json)")(
      "output,o", po::value(&output_file), "write the binary results here (written atomically)")(
      "report", po::value(&report_file),
      "also write a self-contained HTML report here (see `splitsim report`)")(
      "trials", po::value<std::uint64_t>(), "Monte Carlo trials per candidate (overrides the scenario)")(
      "seed", po::value<std::uint64_t>(), "random seed (overrides the scenario)")(
      "search", po::value<std::string>(), "grid or optimize (overrides the scenario's search strategy)")(
      "threads", po::value(&threads)->default_value(0), "worker threads; 0 = all cores")(
      "format", po::value(&format_text)->default_value("table"), "table, json or csv")(
      "view", po::value(&view_text)->default_value("plan"),
      "csv: plan, weekly, candidates, frontier, marginal, comparison or long, as `splitsim show` prints "
      "them")("top", po::value(&top)->default_value(10), "candidates listed in the table")(
      "keep-trials",
      "keep every trial's objective value for the recommendation and its reference in the results file");
  options.add_options()("calibration", po::value<std::string>(),
                        "draw calibrated channels' parameters from this file made by `splitsim calibrate` "
                        "(overrides the scenario's calibration.file)");
  add_plugin_options(options, plugin_dirs);
  ResourceLimits limits;
  add_limit_options(options, limits);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  const std::string usage =
      "Usage: splitsim run SCENARIO [-o results.pb] [--trials N] [--seed S] [--search grid|optimize] "
      "[--calibration FILE] [--keep-trials] "
      "[--threads T] "
      "[--plugin-dir DIR] [--format table|json|csv] [--view VIEW] [--report report.html]";
  const auto vm = parse(args, options, positional, usage, out);
  if (!vm) return kExitOk;
  const Format format = parse_format(format_text);
  const CsvView view = parse_csv_view(view_text);
  // Before the simulation, which can take hours: a bad path must not waste them.
  if (!output_file.empty()) check_output_path(output_file);
  if (!report_file.empty()) check_output_path(report_file);

  auto loaded = load_scenario(scenario_file);
  apply_overrides(loaded.scenario, overrides_from(*vm));
  RunResults run;
  {
    // Plugins may print while they load, simulate or unload: stdout carries only the results, printed below.
    const StdoutDiversion to_stderr;
    const auto registry = load_registry(plugin_dirs);
    const std::size_t workers = worker_threads(threads, &err);
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, workers);
    StderrFeedback feedback(err, stderr_is_terminal());
    run = run_scenario_spooled(loaded, registry, workers, limits, &feedback, group);
  }
  // Every rank holds the same results: the first writes them.
  if (group && group->rank() != 0) return kExitOk;

  // The candidates are read back from where the run kept them, one at a time.
  const auto& results = run.results;
  const auto& candidates = *run.candidates;
  if (!output_file.empty()) save_results(output_file, results, candidates);
  if (!report_file.empty())
    write_file_atomically(report_file, render_report(results, candidates, scenario_file));
  write_results(out, results, candidates, format, top, view);
  if (!output_file.empty() && format == Format::kTable) out << "\nResults written to " << output_file << "\n";
  return kExitOk;
}

}  // namespace splitsim::cli
