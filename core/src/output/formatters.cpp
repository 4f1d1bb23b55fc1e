#include "output/formatters.hpp"

#include "base/errors.hpp"
#include "scenario/resolve.hpp"

namespace splitsim {

Format parse_format(const std::string& text) {
  if (text == "table") return Format::kTable;
  if (text == "json") return Format::kJson;
  if (text == "csv") return Format::kCsv;
  throw UsageError("unknown format '" + text + "': use table, json or csv");
}

void write_results(std::ostream& out, const v1::Results& results, Format format, int top, CsvView view) {
  write_results(
      out, results,
      CandidateMessages(results.candidates(), resolve_objective(results.recommendation().objective())),
      format, top, view);
}

void write_results(std::ostream& out, const v1::Results& results, const CandidateSource& candidates,
                   Format format, int top, CsvView view) {
  switch (format) {
    case Format::kJson:
      write_json(out, results, candidates);
      return;
    case Format::kCsv:
      // `run` and `show` print the same views: a spreadsheet opens each as it is.
      write_csv_view(out, results, candidates, view);
      return;
    default:
      out << format_table(results, candidates, top);
  }
}

}  // namespace splitsim
