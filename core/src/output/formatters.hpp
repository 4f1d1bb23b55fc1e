// Choosing how results are printed: the table, the JSON or the tidy CSV plan; each view lives in its file.
#pragma once

#include <ostream>
#include <string>

#include "output/csv_views.hpp"
#include "output/json_view.hpp"
#include "output/table_view.hpp"
#include "results.pb.h"

namespace splitsim {

enum class Format { kTable, kJson, kCsv };

// Parses "table", "json" or "csv"; throws UsageError otherwise.
Format parse_format(const std::string& text);

// The chosen format, written to `out` as it is made; CSV prints one tidy view (`--view`, the plan by
// default).
void write_results(std::ostream& out, const v1::Results& results, Format format, int top = 10,
                   CsvView view = CsvView::kPlan);
// The same for `results` with `candidates` as its candidates (those of `results` are left out).
void write_results(std::ostream& out, const v1::Results& results, const CandidateSource& candidates,
                   Format format, int top = 10, CsvView view = CsvView::kPlan);

}  // namespace splitsim
