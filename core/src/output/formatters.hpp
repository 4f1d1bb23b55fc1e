// Human and machine views of a results message: table, JSON, CSV.
#pragma once

#include <string>

#include "results.pb.h"

namespace splitsim {

enum class Format { kTable, kJson, kCsv };

// Parses "table", "json" or "csv"; throws UsageError otherwise.
Format parse_format(const std::string& text);

// A readable report: the run, the recommendation with its risk, and the best `top` candidates.
std::string format_table(const v1::Results& results, int top = 10);

// The whole message as JSON with proto field names (the same names as in scenario text files).
std::string format_json(const v1::Results& results);

// One row per candidate, scope (total or channel) and KPI: a long table ready for a spreadsheet or a plot.
std::string format_csv(const v1::Results& results);

std::string format_results(const v1::Results& results, Format format, int top = 10);

}  // namespace splitsim
