// splitsim calibrate: turn a scenario's benchmark priors into posteriors from the account's own history
// exports and lift tests, written to a calibration file that `run` then draws its parameters from.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <filesystem>

#include "app/cli_support.hpp"
#include "base/errors.hpp"
#include "base/json_text.hpp"
#include "calibration/calibrate.hpp"
#include "calibration/calibration_file.hpp"
#include "calibration/calibration_inputs.hpp"
#include "calibration/calibration_report.hpp"
#include "output/atomic_file.hpp"
#include "output/output_path.hpp"
#include "output/stdout_diversion.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int command_calibrate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                      const ProcessGroup* group) {
  std::string scenario_file, output_file, show_file, format;
  std::vector<std::string> histories, lifts, errors, plugin_dirs;
  std::size_t particles = 1000, replicates = 4;
  unsigned threads = 0;
  po::options_description options("Options");
  options.add_options()("scenario", po::value(&scenario_file), "scenario file whose channels are calibrated")(
      "history", po::value(&histories)->composing(),
      "CHANNEL=FILE: the channel's history export, one row per day or week (repeatable; replaces the "
      "scenario's calibration.history)")(
      "lift", po::value(&lifts)->composing(),
      "FILE: lift tests, one per row (repeatable; replaces the scenario's calibration.lift_tests)")(
      "output,o", po::value(&output_file),
      "write the calibration here (written atomically); default: the scenario's calibration.file")(
      "particles", po::value(&particles)->default_value(1000),
      "posterior draws per channel (100 to 100,000)")(
      "replicates", po::value(&replicates)->default_value(4),
      "simulations per likelihood evaluation, for the model's own noise (2 to 64)")(
      "seed", po::value<std::uint64_t>(), "random seed (default: the scenario's)")(
      "error", po::value(&errors)->composing(),
      "METRIC=SIGMA: the measurement error of impressions, clicks, conversions, organic_impressions or "
      "followers_gained (log scale; defaults 0.1, 0.1, 0.25, 0.1, 0.25)")(
      "threads", po::value(&threads)->default_value(0), "worker threads; 0 = all cores")(
      "format", po::value(&format)->default_value("table"), "table or json (the whole calibration)")(
      "show", po::value(&show_file), "print the report of an existing calibration file and stop");
  add_plugin_options(options, plugin_dirs);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  const std::string usage =
      "Usage: splitsim calibrate SCENARIO [--history CHANNEL=FILE]... [--lift FILE]... [-o calibration.pb] "
      "[--particles N] [--seed S] [--error METRIC=SIGMA]... [--threads T] [--format table|json]\n"
      "       splitsim calibrate --show calibration.pb\n"
      "Then: splitsim run SCENARIO --calibration calibration.pb (docs/calibration.md)";
  const auto vm = parse(args, options, positional, usage, out);
  if (!vm) return kExitOk;
  if (format != "table" && format != "json") throw UsageError("--format must be table or json");
  const auto print = [&](const v1::Calibration& calibration) {
    out << (format == "json" ? json_text(calibration) : format_calibration(calibration));
  };
  if (!show_file.empty()) {
    print(read_calibration(show_file, show_file));
    return kExitOk;
  }
  if (scenario_file.empty()) throw UsageError("give the scenario to calibrate\n" + usage);
  if (particles < 100 || particles > 100'000) throw UsageError("--particles must be between 100 and 100,000");
  if (replicates < 2 || replicates > 64) throw UsageError("--replicates must be between 2 and 64");

  const auto loaded = load_scenario(scenario_file);
  fs::path output = output_file;
  if (output.empty()) {
    const auto named = scenario_calibration_path(loaded);
    if (!named) throw UsageError("give -o FILE (the scenario names no calibration.file)");
    output = *named;
  }
  // Before the calibration, which takes a while: a bad path must not waste it.
  check_output_path(output);
  const auto data = calibration_data(loaded, histories, lifts);
  CalibrationOptions calibration_options;
  calibration_options.particles = particles;
  calibration_options.replicates = replicates;
  calibration_options.seed = vm->count("seed") ? (*vm)["seed"].as<std::uint64_t>() : loaded.scenario.seed();
  calibration_options.errors = measurement_errors(loaded, errors);
  calibration_options.group = group;  // under mpirun: each rank evaluates its share of the particles

  v1::Calibration calibration;
  {
    // Plugins may print: stdout carries only the report, printed below.
    const StdoutDiversion to_stderr;
    const auto registry = load_registry(plugin_dirs);
    validate_scenario(loaded, registry);
    const auto scenario = resolve_scenario(loaded, registry);
    const std::size_t workers = worker_threads(threads, &err);
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, workers);
    calibration = calibrate(scenario, data, calibration_options);
  }
  if (group && group->rank() != 0) return kExitOk;  // every rank holds the calibration: rank 0 writes it
  write_file_atomically(output, calibration_bytes(calibration));
  print(calibration);
  if (format == "table") out << "\nCalibration written to " << output.string() << "\n";
  return kExitOk;
}

}  // namespace splitsim::cli
