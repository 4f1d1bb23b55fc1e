#include "app/commands.hpp"

#include "app/cli_support.hpp"
#include "base/errors.hpp"

namespace splitsim {
namespace {

constexpr const char* kOverview =
    "splitsim " SPLITSIM_VERSION
    ": how should a budget be split between organic effort and paid media, across which networks?\n\n"
    "Usage: splitsim COMMAND [OPTIONS]\n\n"
    "Commands:\n"
    "  run SCENARIO          simulate every candidate split and recommend one\n"
    "  validate SCENARIO     check a scenario file without running it\n"
    "  calibrate SCENARIO    fit channels' parameters to the account's history exports and lift tests\n"
    "  plugins list          list the loadable platform plugins\n"
    "  plugins describe NAME show a plugin's model parameters (unit, default, range)\n"
    "  plugins check NAME|PATH  run the conformance suite on a plugin\n"
    "  show RESULTS          print a results file as a table, JSON or CSV\n"
    "  report RESULTS -o F   write a self-contained HTML report of a results file, with charts\n"
    "  batch PATHS... -o DIR run many scenario files, resumably, with a manifest of every outcome\n"
    "  batch merge DIRS... -o DIR  join the folders of a batch run as shards (--shard I/N)\n\n"
    "Run `splitsim COMMAND --help` for a command's options.\n"
    "Exit codes: 0 success, 1 runtime failure (e.g. a plugin failed), 2 bad usage or bad input.\n";

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const ProcessGroup* group, const BatchRanks* batch_ranks) {
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
    if (command == "run") return cli::command_run(rest, out, err, group);
    const bool merge = command == "batch" && !rest.empty() && rest.front() == "merge";
    if (command == "batch" && !merge && batch_ranks) return cli::command_batch(rest, out, err, batch_ranks);
    if (command == "calibrate") return cli::command_calibrate(rest, out, err, group);
    // Only `run`, `batch` and `calibrate` spread over ranks: anything else would do its work (and write its
    // files) K times.
    if (group && group->size() > 1)
      throw UsageError("under mpirun only `run`, `batch` and `calibrate` are spread over ranks; run `" +
                       escape_unprintable(command) + (merge ? " merge" : "") + "` with splitsim");
    if (command == "validate") return cli::command_validate(rest, out);
    if (command == "plugins") return cli::command_plugins(rest, out, err);
    if (command == "show") return cli::command_show(rest, out);
    if (command == "report") return cli::command_report(rest, out);
    // `batch merge` joins the folders of a sharded batch; a folder of scenarios named merge is ./merge.
    if (merge) return cli::command_batch_merge({rest.begin() + 1, rest.end()}, out);
    if (command == "batch") return cli::command_batch(rest, out, err);
    if (command == "job") return cli::command_job(rest, out);
    throw UsageError("unknown command '" + escape_unprintable(command) + "'\n\n" + kOverview);
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
