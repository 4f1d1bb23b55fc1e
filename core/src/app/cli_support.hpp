// What the commands share: option parsing with --help, plugin options and the registry they load.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "batch/batch_ranks.hpp"
#include "plugins/plugin_registry.hpp"
#include "run/scenario_run.hpp"

namespace splitsim::cli {

// Adds --plugin-dir (repeatable), --trust-plugin-dir (repeatable) and --allow-shadow to a command's options.
void add_plugin_options(boost::program_options::options_description& options,
                        std::vector<std::string>& plugin_dirs);

// Parses a command's arguments (adding --help); returns nothing when help was printed. Throws UsageError.
std::optional<boost::program_options::variables_map> parse(
    const std::vector<std::string>& args, boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional, const std::string& usage,
    std::ostream& out);

// The plugins of --plugin-dir folders (which must exist), SPLITSIM_PLUGIN_PATH and the bundled folder. Loads
// nothing yet: each plugin is loaded when first looked up by name.
PluginRegistry load_registry(const std::vector<std::string>& plugin_dirs);

// The worker threads for --threads `asked` (0: every core this process may use). With `warn`, says there
// when more are asked for than the process may use: mpirun binds each rank to one core by default, and the
// threads would then take turns on it.
std::size_t worker_threads(unsigned asked, std::ostream* warn = nullptr);

// Adds --max-memory-gib and --max-work, which raise the limits a run is refused beyond.
void add_limit_options(boost::program_options::options_description& options, ResourceLimits& limits);

// --trials, --seed, --search and --calibration when given.
ScenarioOverrides overrides_from(const boost::program_options::variables_map& vm);

// The commands, each in its own file: args exclude the command name; they return the exit code or throw.
int command_calibrate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                      const ProcessGroup* group = nullptr);
int command_validate(const std::vector<std::string>& args, std::ostream& out);
int command_plugins(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int command_show(const std::vector<std::string>& args, std::ostream& out);
int command_report(const std::vector<std::string>& args, std::ostream& out);
int command_run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                const ProcessGroup* group = nullptr);
int command_batch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                  const BatchRanks* ranks = nullptr);
int command_batch_merge(const std::vector<std::string>& args, std::ostream& out);
int command_job(const std::vector<std::string>& args, std::ostream& out);

}  // namespace splitsim::cli
