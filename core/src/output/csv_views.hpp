// Spreadsheet-ready CSV views of a results file: one tidy table per view, one row per channel, period,
// candidate..., with the currency on every row and figures rounded as a reader needs them (money to the
// cent, shares to 0.01%, KPI figures to six significant digits), never 17-digit floats.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "results.pb.h"
#include "search/candidate_source.hpp"

namespace splitsim {

enum class CsvView { kPlan, kWeekly, kCandidates, kFrontier, kMarginal, kComparison, kLong };

// Every view but kLong (the one long table of every candidate, scope and KPI), in the order --csv-dir writes.
const std::vector<CsvView>& tidy_csv_views();
std::string csv_view_name(CsvView view);
// Parses a view's name; throws UsageError naming the views otherwise.
CsvView parse_csv_view(const std::string& text);

// Candidates a default candidates view lists: the best, so that a grid's export stays small.
inline constexpr int kDefaultCsvCandidates = 100;

// Writes `view` of `results`; `candidates` bounds the candidates view (nothing: every candidate).
void write_csv_view(std::ostream& out, const v1::Results& results, CsvView view,
                    std::optional<int> candidates = kDefaultCsvCandidates);
// The same for `results` with `source` as its candidates (those of `results` are left out).
void write_csv_view(std::ostream& out, const v1::Results& results, const CandidateSource& source,
                    CsvView view, std::optional<int> candidates = kDefaultCsvCandidates);

// Every tidy view as DIR/<view>.csv, written atomically as a set; the folder must exist.
void write_csv_views(const std::filesystem::path& dir, const v1::Results& results,
                     std::optional<int> candidates = kDefaultCsvCandidates);

}  // namespace splitsim
