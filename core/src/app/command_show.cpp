// splitsim show: print a results file as a table, JSON or CSV.
#include <filesystem>

#include "app/cli_support.hpp"
#include "base/errors.hpp"
#include "output/formatters.hpp"
#include "output/results_io.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int command_show(const std::vector<std::string>& args, std::ostream& out) {
  std::string file, format_text;
  int top = 10;
  po::options_description options("Options");
  options.add_options()("results", po::value(&file)->required(), "results file written by `splitsim run -o`")(
      "format", po::value(&format_text)->default_value("table"), "table, json or csv")(
      "top", po::value(&top)->default_value(10), "candidates listed in the table");
  po::positional_options_description positional;
  positional.add("results", 1);
  if (!parse(args, options, positional, "Usage: splitsim show RESULTS [--format table|json|csv]", out))
    return kExitOk;
  const Format format = parse_format(format_text);
  out << format_results(load_results(file), format, top);
  return kExitOk;
}

}  // namespace splitsim::cli
