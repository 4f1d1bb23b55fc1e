#include "app/commands.hpp"

#include <tbb/global_control.h>
#include <tbb/info.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>

#include "app/results_builder.hpp"
#include "engine/candidate_generator.hpp"
#include "engine/engine.hpp"
#include "errors.hpp"
#include "output/formatters.hpp"
#include "output/results_io.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"

namespace splitsim {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kOverview =
    "splitsim " SPLITSIM_VERSION
    ": how should a budget be split between organic effort and paid media, across which networks?\n\n"
    "Usage: splitsim COMMAND [OPTIONS]\n\n"
    "Commands:\n"
    "  run SCENARIO          simulate every candidate split and recommend one\n"
    "  validate SCENARIO     check a scenario file without running it\n"
    "  plugins list          list the loadable platform plugins\n"
    "  plugins describe NAME show a plugin's model parameters (unit, default, range)\n"
    "  show RESULTS          print a results file as a table, JSON or CSV\n\n"
    "Run `splitsim COMMAND --help` for a command's options.\n"
    "Exit codes: 0 success, 1 runtime failure (e.g. a plugin failed), 2 bad usage or bad input.\n";

// Options shared by the commands that load plugins.
void add_plugin_options(po::options_description& options, std::vector<std::string>& plugin_dirs) {
  options.add_options()("plugin-dir", po::value(&plugin_dirs)->composing(),
                        "folder to search for plugins first (repeatable); then SPLITSIM_PLUGIN_PATH, then the "
                        "bundled plugins");
}

// Parses a command's arguments; returns false when --help was printed.
bool parse(const std::vector<std::string>& args, po::options_description& options,
           const po::positional_options_description& positional, const std::string& usage, std::ostream& out) {
  options.add_options()("help,h", "show this help");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
      out << usage << "\n" << options << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + "\n" + usage);
  }
  return true;
}

PluginRegistry load_registry(const std::vector<std::string>& plugin_dirs) {
  std::vector<fs::path> dirs(plugin_dirs.begin(), plugin_dirs.end());
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw UsageError("--plugin-dir " + dir.string() + ": no such folder");
  }
  PluginRegistry registry;
  registry.load_directories(PluginRegistry::search_path(dirs));
  return registry;
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

int command_run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string scenario_file, output_file, format_text = "table";
  std::optional<std::uint64_t> trials, seed;
  std::uint64_t trials_value = 0, seed_value = 0;
  unsigned threads = 0;
  int top = 10;
  std::vector<std::string> plugin_dirs;
  po::options_description options("Options");
  options.add_options()("scenario", po::value(&scenario_file)->required(), "scenario file (.textproto, .pbtxt, .json)")(
      "output,o", po::value(&output_file), "write the binary results here (written atomically)")(
      "trials", po::value(&trials_value), "Monte Carlo trials per candidate (overrides the scenario)")(
      "seed", po::value(&seed_value), "random seed (overrides the scenario)")(
      "threads", po::value(&threads)->default_value(0), "worker threads; 0 = all cores")(
      "format", po::value(&format_text)->default_value("table"), "table, json or csv")(
      "top", po::value(&top)->default_value(10), "candidates listed in the table");
  add_plugin_options(options, plugin_dirs);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  const std::string usage = "Usage: splitsim run SCENARIO [-o results.pb] [--trials N] [--seed S] [--threads T] "
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

  const std::size_t workers = threads > 0 ? threads : static_cast<std::size_t>(tbb::info::default_concurrency());
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
  execution->set_wall_seconds(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());

  if (!output_file.empty()) save_results(output_file, results);
  out << format_results(results, format, top);
  if (!output_file.empty() && format == Format::kTable) out << "\nResults written to " << output_file << "\n";
  (void)err;
  return kExitOk;
}

int command_validate(const std::vector<std::string>& args, std::ostream& out) {
  std::string scenario_file;
  std::vector<std::string> plugin_dirs;
  po::options_description options("Options");
  options.add_options()("scenario", po::value(&scenario_file)->required(), "scenario file to check");
  add_plugin_options(options, plugin_dirs);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  if (!parse(args, options, positional, "Usage: splitsim validate SCENARIO [--plugin-dir DIR]", out)) return kExitOk;
  const auto loaded = load_scenario(scenario_file);
  const auto registry = load_registry(plugin_dirs);
  validate_scenario(loaded, registry);
  const auto candidates = generate_candidates(loaded.scenario, loaded.file);
  out << loaded.file << ": valid: " << loaded.scenario.channels_size() << " channels, " << candidates.size()
      << " candidate splits, " << loaded.scenario.trials() << " trials each\n";
  return kExitOk;
}

void print_failures(const PluginRegistry& registry, std::ostream& err) {
  for (const auto& failure : registry.failures()) err << "warning: skipped " << failure.to_string() << "\n";
}

int command_plugins(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string action, name;
  std::vector<std::string> plugin_dirs;
  po::options_description options("Options");
  options.add_options()("action", po::value(&action)->required(), "list or describe")(
      "name", po::value(&name), "plugin name (for describe)");
  add_plugin_options(options, plugin_dirs);
  po::positional_options_description positional;
  positional.add("action", 1).add("name", 1);
  if (!parse(args, options, positional, "Usage: splitsim plugins list | splitsim plugins describe NAME "
             "[--plugin-dir DIR]", out)) {
    return kExitOk;
  }
  if (action != "list" && action != "describe") throw UsageError("unknown plugins action '" + action + "': use list or describe");
  const auto registry = load_registry(plugin_dirs);
  if (action == "list") {
    if (registry.plugins().empty()) out << "No plugins found.\n";
    for (const auto& plugin : registry.plugins()) {
      out << plugin.info.name << " " << plugin.info.version << "  " << plugin.info.description << "\n    "
          << plugin.file.string() << "\n";
    }
    out << "Searched:";
    for (const auto& dir : registry.searched()) out << " " << dir.string();
    out << "\n";
    print_failures(registry, err);
    return kExitOk;
  }
  if (name.empty()) throw UsageError("plugins describe needs a NAME (see `splitsim plugins list`)");
  const auto* plugin = registry.find(name);
  if (!plugin) {
    if (const auto* failure = registry.failure_for(name)) {
      err << "error: plugin '" << name << "' could not be loaded: " << failure->to_string() << "\n";
      return kExitRuntimeFailure;
    }
    throw UsageError("no plugin named '" + name + "' (see `splitsim plugins list`)");
  }
  const auto& info = plugin->info;
  out << info.name << " " << info.version << "\n" << info.description << "\nFile: " << plugin->file.string()
      << "\n\nParameters:\n";
  for (const auto& p : info.params) {
    char range[96];
    std::snprintf(range, sizeof range, "[%g, %g]", p.min, p.max);
    out << "  " << p.name << " (" << p.unit << ")\n      default " << describe(p.default_value) << ", valid range "
        << range << "\n      " << p.help << "\n";
  }
  return kExitOk;
}

int command_show(const std::vector<std::string>& args, std::ostream& out) {
  std::string file, format_text;
  int top = 10;
  po::options_description options("Options");
  options.add_options()("results", po::value(&file)->required(), "results file written by `splitsim run -o`")(
      "format", po::value(&format_text)->default_value("table"), "table, json or csv")(
      "top", po::value(&top)->default_value(10), "candidates listed in the table");
  po::positional_options_description positional;
  positional.add("results", 1);
  if (!parse(args, options, positional, "Usage: splitsim show RESULTS [--format table|json|csv]", out)) return kExitOk;
  const Format format = parse_format(format_text);
  out << format_results(load_results(file), format, top);
  return kExitOk;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    if (args.empty()) {
      err << kOverview;
      return kExitBadInput;
    }
    const std::string& command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "--help" || command == "-h" || command == "help") {
      out << kOverview;
      return kExitOk;
    }
    if (command == "--version") {
      out << "splitsim " SPLITSIM_VERSION "\n";
      return kExitOk;
    }
    if (command == "run") return command_run(rest, out, err);
    if (command == "validate") return command_validate(rest, out);
    if (command == "plugins") return command_plugins(rest, out, err);
    if (command == "show") return command_show(rest, out);
    throw UsageError("unknown command '" + command + "'\n\n" + kOverview);
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const UsageError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const PluginError& e) {
    err << "error: " << e.what() << "\n";
    return kExitRuntimeFailure;
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return kExitRuntimeFailure;
  }
}

}  // namespace splitsim
