// splitsim run: simulate every candidate split of a scenario and recommend one.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <chrono>
#include <filesystem>
#include <optional>

#include "app/cli_support.hpp"
#include "app/results_builder.hpp"
#include "engine/candidate_generator.hpp"
#include "engine/engine.hpp"
#include "errors.hpp"
#include "output/formatters.hpp"
#include "output/results_io.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int command_run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string scenario_file, output_file, format_text = "table";
  std::optional<std::uint64_t> trials, seed;
  std::uint64_t trials_value = 0, seed_value = 0;
  unsigned threads = 0;
  int top = 10;
  std::vector<std::string> plugin_dirs;
  po::options_description options("Options");
  options.add_options()("scenario", po::value(&scenario_file)->required(),
                        "scenario file (.textproto, .pbtxt, .json)")(
      "output,o", po::value(&output_file), "write the binary results here (written atomically)")(
      "trials", po::value(&trials_value), "Monte Carlo trials per candidate (overrides the scenario)")(
      "seed", po::value(&seed_value), "random seed (overrides the scenario)")(
      "threads", po::value(&threads)->default_value(0), "worker threads; 0 = all cores")(
      "format", po::value(&format_text)->default_value("table"), "table, json or csv")(
      "top", po::value(&top)->default_value(10), "candidates listed in the table");
  add_plugin_options(options, plugin_dirs);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  const std::string usage =
      "Usage: splitsim run SCENARIO [-o results.pb] [--trials N] [--seed S] [--threads T] "
      "[--plugin-dir DIR] [--format table|json|csv]";
  if (!parse(args, options, positional, usage, out)) return kExitOk;
  const Format format = parse_format(format_text);
  const auto started = std::chrono::steady_clock::now();
  const std::string started_at = utc_now();

  auto loaded = load_scenario(scenario_file);
  for (const auto& arg : args) {
    if (arg == "--trials" || arg.rfind("--trials=", 0) == 0) trials = trials_value;
    if (arg == "--seed" || arg.rfind("--seed=", 0) == 0) seed = seed_value;
  }
  if (trials) loaded.scenario.set_trials(*trials);
  if (seed) loaded.scenario.set_seed(*seed);
  const auto registry = load_registry(plugin_dirs);
  validate_scenario(loaded, registry);
  const auto candidates = generate_candidates(loaded.scenario, loaded.file);

  const std::size_t workers =
      threads > 0 ? threads : static_cast<std::size_t>(tbb::info::default_concurrency());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, workers);
  const SimulationSetup setup = prepare_simulation(loaded.scenario, registry);
  const Engine engine(setup);
  const auto outcomes = engine.evaluate(candidates);

  auto results = build_results(loaded.scenario, setup, candidates, outcomes);
  auto* meta = results.mutable_metadata();
  meta->set_splitsim_version(SPLITSIM_VERSION);
  for (const auto& channel : setup.channels) {
    bool listed = false;
    for (const auto& plugin : meta->plugins()) listed = listed || plugin.name() == channel.plugin->info.name;
    if (listed) continue;
    auto* plugin = meta->add_plugins();
    plugin->set_name(channel.plugin->info.name);
    plugin->set_version(channel.plugin->info.version);
    plugin->set_file(channel.plugin->file.filename().string());
  }
  meta->set_seed(loaded.scenario.seed());
  meta->set_trials(loaded.scenario.trials());
  *meta->mutable_scenario() = loaded.scenario;
  meta->set_scenario_file(fs::path(scenario_file).filename().string());
  auto* execution = meta->mutable_execution();
  execution->set_threads(static_cast<std::uint32_t>(workers));
  execution->set_started_at(started_at);
  execution->set_wall_seconds(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());

  if (!output_file.empty()) save_results(output_file, results);
  out << format_results(results, format, top);
  if (!output_file.empty() && format == Format::kTable) out << "\nResults written to " << output_file << "\n";
  (void)err;
  return kExitOk;
}

}  // namespace splitsim::cli
