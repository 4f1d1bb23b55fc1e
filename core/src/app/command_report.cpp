// splitsim report: one self-contained HTML page of a results file, to open offline and send.
#include <iostream>

#include "app/cli_support.hpp"
#include "base/errors.hpp"
#include "output/atomic_file.hpp"
#include "output/output_path.hpp"
#include "output/report/report_page.hpp"
#include "output/results_io.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;

int command_report(const std::vector<std::string>& args, std::ostream& out) {
  std::string file, output_file;
  po::options_description options("Options");
  options.add_options()("results", po::value(&file)->required(), "results file written by `splitsim run -o`")(
      "output,o", po::value(&output_file)->required(), "the HTML page to write (written atomically)");
  po::positional_options_description positional;
  positional.add("results", 1);
  if (!parse(args, options, positional, "Usage: splitsim report RESULTS -o report.html", out)) return kExitOk;
  check_output_path(output_file);
  const auto read = read_results(file, MissingChecksum::kAccept);
  if (!read.verified)
    std::cerr << file
              << ": note: no checksum (a file from an earlier splitsim): its figures are shown as read\n";
  write_file_atomically(output_file, render_report(read.results, file));
  return kExitOk;
}

}  // namespace splitsim::cli
