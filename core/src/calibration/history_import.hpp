// A channel's history export read into checked rows: dates, spend and the figures the mapping found.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "calibration/csv_reader.hpp"
#include "calibration/export_formats.hpp"
#include "calibration/export_values.hpp"
#include "scenario.pb.h"

namespace splitsim {

// The longest history read: beyond ten years an account's past says little about its future.
inline constexpr int kMaxHistoryDays = 3653;

// One row: the days it covers and its figures.
struct HistoryRow {
  int line = 0;
  Day first{}, last{};  // inclusive
  double spend = 0.0;
  // Figures by HistoryField; nothing when the column is absent or the cell is empty or "--".
  std::array<std::optional<double>, kHistoryFieldCount> figures;
};

// Where a channel's history comes from.
struct HistorySource {
  std::string channel;
  std::filesystem::path path;
  std::string name;    // the file as the user named it, for messages
  std::string format;  // a built-in format, or empty to recognise it
  v1::HistoryColumns columns;
};

struct ChannelHistory {
  std::string file;  // as named in messages
  ColumnMapping mapping;
  std::vector<HistoryRow> rows;  // in date order, not overlapping
  int summary_rows_skipped = 0;  // rows whose date reads "Total..."
  int row_days = 1;              // days per row when the export has no end column
};

// Reads and checks a history. Throws InputError naming the file, line and column of every problem found (up
// to 20): a missing date or spend column, a date or number that is not one, a negative figure, a missing
// spend, rows out of order or overlapping, or more than ten years.
ChannelHistory import_history(const HistorySource& source);

// The same, from records already read (for tests and in-memory exports).
ChannelHistory import_history_records(const std::vector<CsvRecord>& records, const std::string& file,
                                      const std::string& format, const v1::HistoryColumns& columns);

// `column C "Amount spent (USD)"`: how messages name a column.
std::string column_label(std::size_t column, const std::string& header);

}  // namespace splitsim
