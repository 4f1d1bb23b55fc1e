// splitsim show: print a results file as a table, JSON or CSV.
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/cli_support.hpp"
#include "base/errors.hpp"
#include "output/csv_views.hpp"
#include "output/formatters.hpp"
#include "output/results_io.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int command_show(const std::vector<std::string>& args, std::ostream& out) {
  std::string file, format_text, view_text, csv_dir;
  po::options_description options("Options");
  options.add_options()("results", po::value(&file)->required(), "results file written by `splitsim run -o`")(
      "format", po::value(&format_text)->default_value("table"), "table, json or csv")(
      "view", po::value(&view_text)->default_value("plan"),
      "csv: plan, weekly, candidates, frontier, marginal, comparison, or long (every candidate, scope and "
      "KPI)")("top", po::value<int>(),
              "candidates listed: in the table (default 10) or the candidates view (default 100)")(
      "all", "csv candidates view: every candidate, not only the best")(
      "csv-dir", po::value(&csv_dir), "write every csv view as DIR/<view>.csv (written atomically as a set)");
  po::positional_options_description positional;
  positional.add("results", 1);
  const auto vm =
      parse(args, options, positional,
            "Usage: splitsim show RESULTS [--format table|json|csv] [--view VIEW] [--top N] [--all] "
            "[--csv-dir DIR]",
            out);
  if (!vm) return kExitOk;
  const Format format = parse_format(format_text);
  const CsvView view = parse_csv_view(view_text);
  if (!csv_dir.empty() && !fs::is_directory(csv_dir))
    throw UsageError("--csv-dir " + csv_dir + ": no such folder");
  std::optional<int> candidates = kDefaultCsvCandidates;
  if (vm->count("top")) candidates = (*vm)["top"].as<int>();
  if (vm->count("all")) candidates.reset();
  // A person reads what `show` prints: a file from before results carried a checksum is shown, with a note
  // (on stderr, so a CSV or JSON on stdout stays clean); --resume, which reuses files unseen, refuses them.
  const auto read = read_results(file, MissingChecksum::kAccept);
  if (!read.verified)
    std::cerr << file
              << ": note: no checksum (a file from an earlier splitsim): its figures are shown as read, "
                 "unverified\n";
  if (!csv_dir.empty()) {
    write_csv_views(csv_dir, read.results, candidates);
    return kExitOk;
  }
  // A spreadsheet opens the views as they are; the table and JSON are as `run` prints them.
  if (format == Format::kCsv) {
    write_csv_view(out, read.results, view, candidates);
  } else {
    write_results(out, read.results, format, vm->count("top") ? (*vm)["top"].as<int>() : 10);
  }
  return kExitOk;
}

}  // namespace splitsim::cli
