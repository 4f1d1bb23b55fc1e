// splitsim validate: check a scenario without running it.
#include <tbb/info.h>

#include <cstdio>
#include <filesystem>

#include "app/cli_support.hpp"
#include "base/errors.hpp"
#include "calibration/calibration_file.hpp"
#include "run/currency_notice.hpp"
#include "run/run_plan.hpp"
#include "run/time_estimate.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int command_validate(const std::vector<std::string>& args, std::ostream& out) {
  std::string scenario_file;
  unsigned threads = 0;
  std::vector<std::string> plugin_dirs;
  po::options_description options("Options");
  options.add_options()("scenario", po::value(&scenario_file)->required(), "scenario file to check")(
      "trials", po::value<std::uint64_t>(), "Monte Carlo trials per candidate (overrides the scenario)")(
      "search", po::value<std::string>(), "grid or optimize (overrides the scenario's search strategy)")(
      "threads", po::value(&threads)->default_value(0), "worker threads the run would use; 0 = all cores");
  add_plugin_options(options, plugin_dirs);
  ResourceLimits limits;
  add_limit_options(options, limits);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  const auto vm =
      parse(args, options, positional,
            "Usage: splitsim validate SCENARIO [--trials N] [--search grid|optimize] [--threads T] "
            "[--plugin-dir DIR]",
            out);
  if (!vm) return kExitOk;
  auto loaded = load_scenario(scenario_file);
  apply_overrides(loaded.scenario, overrides_from(*vm));
  const auto registry = load_registry(plugin_dirs);
  validate_scenario(loaded, registry);
  // The same plan, estimate and limits as `run`: what validate accepts, run does not refuse.
  auto scenario = resolve_scenario(loaded, registry);
  use_scenario_calibration(scenario, loaded);  // a calibration file it names must fit it, as for run
  const std::size_t workers = worker_threads(threads);
  const auto plan = plan_run(scenario, workers);
  check_resources(plan.estimate, limits, loaded.file);
  out << loaded.file << ": valid: " << scenario.channels.size() << " channels, ";
  if (scenario.optimize) {
    out << "optimize search (up to " << scenario.optimizer.max_evaluations << " candidate evaluations, "
        << plan.candidates << " simulations with finalists, frontier and marginal returns)";
  } else {
    out << plan.candidates << " candidate splits";
  }
  char work[64];
  std::snprintf(work, sizeof work, "%.3g", plan.estimate.channel_periods);
  out << ", " << scenario.trials << " trials each; about " << memory_words(plan.estimate.bytes)
      << " of memory on " << workers << " threads and " << work << " channel-periods of work; about "
      << duration_words(estimated_seconds(plan, workers)) << " to run\n";
  out << large_grid_suggestion(plan, scenario.optimize);
  for (const auto& warning : currency_warnings(scenario)) out << "warning: " << warning << "\n";
  return kExitOk;
}

}  // namespace splitsim::cli
