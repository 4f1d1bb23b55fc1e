// Human and machine views of a results message: table, JSON, CSV.
#pragma once

#include <ostream>
#include <string>

#include "results.pb.h"

namespace splitsim {

enum class Format { kTable, kJson, kCsv };

// Parses "table", "json" or "csv"; throws UsageError otherwise.
Format parse_format(const std::string& text);

// A readable report: the run, the recommendation with its risk, and the best `top` candidates.
std::string format_table(const v1::Results& results, int top = 10);

// The whole message as JSON with proto field names (the same names as in scenario text files), written a
// candidate at a time: memory stays that of one candidate's text, whatever the grid's size.
void write_json(std::ostream& out, const v1::Results& results);
std::string format_json(const v1::Results& results);

// One row per candidate, scope (total or channel) and KPI: a long table ready for a spreadsheet or a plot,
// written a candidate at a time.
void write_csv(std::ostream& out, const v1::Results& results);
std::string format_csv(const v1::Results& results);

// The chosen view, written to `out` as it is made.
void write_results(std::ostream& out, const v1::Results& results, Format format, int top = 10);

}  // namespace splitsim
