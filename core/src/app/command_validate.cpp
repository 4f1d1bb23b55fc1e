// splitsim validate: check a scenario without running it.
#include <filesystem>

#include "app/cli_support.hpp"
#include "engine/candidate_generator.hpp"
#include "errors.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int command_validate(const std::vector<std::string>& args, std::ostream& out) {
  std::string scenario_file;
  std::vector<std::string> plugin_dirs;
  po::options_description options("Options");
  options.add_options()("scenario", po::value(&scenario_file)->required(), "scenario file to check");
  add_plugin_options(options, plugin_dirs);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  if (!parse(args, options, positional, "Usage: splitsim validate SCENARIO [--plugin-dir DIR]", out))
    return kExitOk;
  const auto loaded = load_scenario(scenario_file);
  const auto registry = load_registry(plugin_dirs);
  validate_scenario(loaded, registry);
  out << loaded.file << ": valid: " << loaded.scenario.channels_size() << " channels, ";
  if (loaded.scenario.search().has_optimize()) {
    out << "optimize search (up to " << loaded.scenario.search().optimize().max_evaluations()
        << " candidate evaluations)";
  } else {
    out << generate_candidates(loaded.scenario, loaded.file).size() << " candidate splits";
  }
  out << ", " << loaded.scenario.trials() << " trials each\n";
  return kExitOk;
}

}  // namespace splitsim::cli
