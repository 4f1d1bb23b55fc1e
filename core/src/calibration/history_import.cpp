#include "calibration/history_import.hpp"

#include <algorithm>
#include <cctype>

#include "base/errors.hpp"

namespace splitsim {
namespace {

using F = HistoryField;

constexpr std::size_t kMaxProblems = 20;

std::size_t at(F field) { return static_cast<std::size_t>(field); }

bool is_summary_row(const std::string& date_cell) {
  std::string lower;
  for (char ch : date_cell) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return lower.rfind("total", 0) == 0;
}

bool blank(const CsvRecord& record) {
  return std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) {
    return std::all_of(f.begin(), f.end(), [](unsigned char ch) { return std::isspace(ch); });
  });
}

class RowReader {
 public:
  RowReader(const std::string& file, const ColumnMapping& mapping, std::vector<InputProblem>& problems)
      : file_(file), mapping_(mapping), problems_(problems) {}

  std::string cell(const CsvRecord& record, F field) const {
    const auto column = mapping_.column[at(field)];
    return column && *column < record.fields.size() ? record.fields[*column] : std::string();
  }

  void problem(const CsvRecord& record, F field, const std::string& message) {
    if (problems_.size() >= kMaxProblems) return;
    const auto column = mapping_.column[at(field)];
    problems_.push_back(
        {file_, record.line,
         column ? column_label(*column, mapping_.header[at(field)]) : history_field_name(field), message});
  }

  std::optional<Day> date(const CsvRecord& record, F field) {
    const std::string text = cell(record, field);
    const auto day = parse_export_date(text);
    if (!day) problem(record, field, "'" + text + "' is not a date (YYYY-MM-DD or M/D/YYYY)");
    return day;
  }

  // A figure of the row: nothing when absent or not reported; a problem when not a number or negative.
  std::optional<double> figure(const CsvRecord& record, F field) {
    if (!mapping_.has(field)) return std::nullopt;
    const std::string text = cell(record, field);
    const auto number = parse_export_number(text);
    switch (number.kind) {
      case ExportNumber::Kind::kMissing:
        return std::nullopt;
      case ExportNumber::Kind::kNotANumber:
        problem(record, field, "'" + text + "' is not a number");
        return std::nullopt;
      case ExportNumber::Kind::kValue:
        break;
    }
    if (number.value < 0.0) {
      problem(record, field, "negative " + std::string(history_field_name(field)) + " (" + text + ")");
      return std::nullopt;
    }
    return number.value;
  }

 private:
  const std::string& file_;
  const ColumnMapping& mapping_;
  std::vector<InputProblem>& problems_;
};

// The longest row an export without an end column may have: a week.
constexpr int kMaxInferredRowDays = 7;

// Days per row of an export without an end column: the smallest gap between two rows (days or weeks).
int row_spacing(const std::vector<HistoryRow>& rows) {
  int spacing = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const int gap = static_cast<int>((rows[i].first - rows[i - 1].first).count());
    if (gap > 0 && (spacing == 0 || gap < spacing)) spacing = gap;
  }
  return spacing == 0 ? 1 : spacing;
}

}  // namespace

std::string column_label(std::size_t column, const std::string& header) {
  return "column " + column_letters(column) + " \"" + header + "\"";
}

ChannelHistory import_history_records(const std::vector<CsvRecord>& records, const std::string& file,
                                      const std::string& format, const v1::HistoryColumns& columns) {
  ChannelHistory history;
  history.file = file;
  history.mapping = map_columns(records, file, format, columns);
  std::vector<InputProblem> problems;
  RowReader reader(file, history.mapping, problems);
  std::vector<const CsvRecord*> sources;  // the record of each row, for messages

  for (std::size_t r = history.mapping.header_record + 1; r < records.size(); ++r) {
    const auto& record = records[r];
    if (blank(record)) continue;
    if (is_summary_row(reader.cell(record, F::kDate))) {
      ++history.summary_rows_skipped;
      continue;
    }
    HistoryRow row;
    row.line = record.line;
    const auto first = reader.date(record, F::kDate);
    std::optional<Day> last;
    if (history.mapping.has(F::kEndDate)) last = reader.date(record, F::kEndDate);
    for (std::size_t f = at(F::kSpend); f < kHistoryFieldCount; ++f)
      row.figures[f] = reader.figure(record, static_cast<F>(f));
    if (!row.figures[at(F::kSpend)] &&
        parse_export_number(reader.cell(record, F::kSpend)).kind == ExportNumber::Kind::kMissing) {
      reader.problem(record, F::kSpend, "spend is missing: every row needs the money spent (0 when none)");
    }
    if (!first || (history.mapping.has(F::kEndDate) && !last)) continue;
    row.first = *first;
    row.last = last.value_or(*first);
    if (row.last < row.first) {
      reader.problem(
          record, F::kEndDate,
          "the row ends (" + iso_date(row.last) + ") before it starts (" + iso_date(row.first) + ")");
      continue;
    }
    row.spend = row.figures[at(F::kSpend)].value_or(0.0);
    history.rows.push_back(row);
    sources.push_back(&record);
  }
  if (problems.empty() && history.rows.empty()) {
    throw InputError({{file, history.mapping.header_line, "", "no rows after the header"}});
  }

  if (problems.empty()) {
    const auto span = (history.rows.back().last - history.rows.front().first).count() + 1;
    if (span > kMaxHistoryDays) {
      reader.problem(*sources.back(), F::kDate,
                     "the history spans " + std::to_string(span) + " days (from " +
                         iso_date(history.rows.front().first) + "), more than 10 years (" +
                         std::to_string(kMaxHistoryDays) + " days): keep the recent years");
    }
  }
  if (problems.empty() && !history.mapping.has(F::kEndDate)) {
    history.row_days = row_spacing(history.rows);
    if (history.row_days > kMaxInferredRowDays) {
      reader.problem(
          *sources[1], F::kDate,
          "rows are " + std::to_string(history.row_days) +
              " days apart: export one row per day or week (or add a column with each row's end date)");
    }
    for (auto& row : history.rows) row.last = row.first + std::chrono::days(history.row_days - 1);
  }
  for (std::size_t i = 1; i < history.rows.size(); ++i) {
    const auto& before = history.rows[i - 1];
    const auto& row = history.rows[i];
    if (row.first < before.first) {
      reader.problem(*sources[i], F::kDate,
                     "dates out of order: " + iso_date(row.first) + " comes after " + iso_date(before.first) +
                         " (line " + std::to_string(before.line) + "); sort the export by date");
    } else if (row.first <= before.last) {
      reader.problem(
          *sources[i], F::kDate,
          iso_date(row.first) + " overlaps the row of line " + std::to_string(before.line) + " (" +
              iso_date(before.first) + " to " + iso_date(before.last) +
              "): one row per day or week (export the account's total, not a breakdown by campaign)");
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return history;
}

ChannelHistory import_history(const HistorySource& source) {
  return import_history_records(read_csv(source.path, source.name), source.name, source.format,
                                source.columns);
}

}  // namespace splitsim
