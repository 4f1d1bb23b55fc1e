// Which column of a platform's export holds which figure: the built-in mappings of the exports users have,
// and a scenario's own mapping for any other.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "calibration/csv_reader.hpp"
#include "scenario.pb.h"

namespace splitsim {

// The figures a history row may hold. Reach is read but not compared (see docs/calibration.md).
enum class HistoryField : std::size_t {
  kDate,                // first day of the row (required)
  kEndDate,             // last day of the row
  kSpend,               // money spent on ads (required)
  kImpressions,         // paid impressions
  kReach,               // unique people within the row: not additive, not used
  kClicks,              // as the column counts them (all clicks or link clicks)
  kConversions,         // platform-attributed
  kOrganicPosts,        // posts published
  kOrganicImpressions,  // impressions of the posts
  kFollowers,           // follower count at the end of the row
  kCount
};
inline constexpr std::size_t kHistoryFieldCount = static_cast<std::size_t>(HistoryField::kCount);

// The field's name in scenario files and messages, e.g. "organic_posts".
const char* history_field_name(HistoryField field);

// An export format: for each field, the header names that hold it, in order of preference. A '*' in a name
// matches any text (Meta's "Amount spent (*)" carries the account's currency).
struct ExportFormat {
  std::string name;         // "meta", "linkedin", "tiktok", "google_ads", "generic"
  std::string description;  // e.g. "Meta Ads Manager"
  std::array<std::vector<std::string>, kHistoryFieldCount> headers;
};

// The built-in formats, in the order they are tried when recognising a header (generic first).
const std::vector<ExportFormat>& export_formats();

// Where each field stands in one file: the header record, each field's column (or none) and header text.
struct ColumnMapping {
  std::string format;  // the built-in format used, or "custom"
  int header_line = 0;
  std::size_t header_record = 0;  // index of the header among the file's records
  std::array<std::optional<std::size_t>, kHistoryFieldCount> column;
  std::array<std::string, kHistoryFieldCount> header;  // as written in the file

  bool has(HistoryField field) const { return column[static_cast<std::size_t>(field)].has_value(); }
};

// Finds the header among the first records and maps every field. `format` names a built-in format (empty:
// recognise it from the header, preferring the format that maps the most fields); `custom` replaces a
// format's header names field by field. Throws InputError naming `file` when the format is unknown, when no
// record has a date column, or when the header lacks the spend column.
ColumnMapping map_columns(const std::vector<CsvRecord>& records, const std::string& file,
                          const std::string& format, const v1::HistoryColumns& custom);

}  // namespace splitsim
