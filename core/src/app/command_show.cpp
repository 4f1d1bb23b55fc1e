// splitsim show: print a results file as a table, JSON or CSV.
#include <filesystem>
#include <iostream>

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
  // A person reads what `show` prints: a file from before results carried a checksum is shown, with a note
  // (on stderr, so a CSV or JSON on stdout stays clean); --resume, which reuses files unseen, refuses them.
  const auto read = read_results(file, MissingChecksum::kAccept);
  if (!read.verified)
    std::cerr << file
              << ": note: no checksum (a file from an earlier splitsim): its figures are shown as read, "
                 "unverified\n";
  write_results(out, read.results, format, top);
  return kExitOk;
}

}  // namespace splitsim::cli
