// Reading history exports: the built-in mappings, the checks on every row, and the sum into periods.
#include "calibration/history_import.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "base/errors.hpp"
#include "calibration/csv_reader.hpp"
#include "calibration/export_values.hpp"
#include "calibration/period_history.hpp"

namespace splitsim {
namespace {

ChannelHistory import(const std::string& csv, const std::string& format = "",
                      const v1::HistoryColumns& columns = {}) {
  return import_history_records(parse_csv(csv, "export.csv"), "export.csv", format, columns);
}

// The first problem's text of an import that must fail.
std::string import_error(const std::string& csv, const std::string& format = "") {
  try {
    import(csv, format);
  } catch (const InputError& e) {
    return e.problems().front().to_string();
  }
  return "(no error)";
}

TEST(ExportValues, ReadsTheDatesAndNumbersExportsWrite) {
  EXPECT_EQ(iso_date(*parse_export_date("2024-03-05")), "2024-03-05");
  EXPECT_EQ(iso_date(*parse_export_date("2024-03-05 00:00:00")), "2024-03-05");
  EXPECT_EQ(iso_date(*parse_export_date("3/5/2024")), "2024-03-05");
  EXPECT_FALSE(parse_export_date("2024-02-30"));
  EXPECT_FALSE(parse_export_date("05.03.2024"));
  EXPECT_FALSE(parse_export_date("yesterday"));
  EXPECT_EQ(parse_export_number("12,345.67").value, 12345.67);
  EXPECT_EQ(parse_export_number("-3").value, -3.0);
  EXPECT_EQ(parse_export_number("--").kind, ExportNumber::Kind::kMissing);
  EXPECT_EQ(parse_export_number("").kind, ExportNumber::Kind::kMissing);
  EXPECT_EQ(parse_export_number("12,34").kind, ExportNumber::Kind::kNotANumber);
  EXPECT_EQ(parse_export_number("1.2.3").kind, ExportNumber::Kind::kNotANumber);
  EXPECT_EQ(parse_export_number("n/a").kind, ExportNumber::Kind::kNotANumber);
}

TEST(CsvReader, KeepsQuotedDelimitersAndLineNumbers) {
  const auto records = parse_csv("\xef\xbb\xbfname,value\n\n\"a, \"\"quoted\"\"\nname\",2\nb,3\n", "f.csv");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields[0], "a, \"quoted\"\nname");
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[2].line, 5);
  EXPECT_THROW(parse_csv("a,b\n\"open,1\n", "f.csv"), InputError);
  EXPECT_EQ(parse_csv("a;b\n1;2\n", "f.csv")[1].fields.size(), 2u);
  EXPECT_EQ(column_letters(0), "A");
  EXPECT_EQ(column_letters(27), "AB");
}

TEST(ExportFormats, RecognisesMetaAdsManagerWithItsCurrencyAndAllClicks) {
  const auto history = import(
      "Reporting starts,Reporting ends,Campaign name,Amount spent (EUR),Impressions,Reach,Link clicks,Clicks "
      "(all),Results\n"
      "2024-01-01,2024-01-01,All,\"1,200.50\",100000,60000,500,900,45\n"
      "2024-01-02,2024-01-02,All,1100,95000,58000,480,870,40\n");
  EXPECT_EQ(history.mapping.format, "meta");
  EXPECT_EQ(history.mapping.header[static_cast<std::size_t>(HistoryField::kSpend)], "Amount spent (EUR)");
  EXPECT_EQ(history.mapping.header[static_cast<std::size_t>(HistoryField::kClicks)], "Clicks (all)");
  ASSERT_EQ(history.rows.size(), 2u);
  EXPECT_DOUBLE_EQ(history.rows[0].spend, 1200.5);
}

TEST(ExportFormats, SkipsLinkedInTitleLinesAndGoogleAdsTotals) {
  const auto linkedin = import(
      "Campaign Performance Report (in UTC)\nReport Start: 1/1/2024\n\n"
      "Start Date (in UTC),Account Name,Total Spent,Impressions,Clicks,Conversions\n"
      "1/1/2024,Acme,350.00,9000,50,3\n1/2/2024,Acme,340.00,8800,48,2\n");
  EXPECT_EQ(linkedin.mapping.format, "linkedin");
  EXPECT_EQ(linkedin.rows.size(), 2u);
  const auto google = import(
      "Campaign report\n\"January 1, 2024 - January 14, 2024\"\nDay,Cost,Impr.,Clicks,Conversions\n"
      "2024-01-01,10,1000,10,1\n2024-01-02,12,1100,11,1\nTotal: Account,22,2100,21,2\n");
  EXPECT_EQ(google.mapping.format, "google_ads");
  EXPECT_EQ(google.rows.size(), 2u);
  EXPECT_EQ(google.summary_rows_skipped, 1);
  const auto tiktok =
      import("Date,Cost,Impressions,Reach,Clicks (Destination),Conversions\n2024-01-01,5,900,700,9,1\n");
  EXPECT_EQ(tiktok.mapping.format, "tiktok");
}

TEST(ExportFormats, AScenarioMappingNamesAnyColumn) {
  v1::HistoryColumns columns;
  columns.set_date("Woche");
  columns.set_spend("Kosten");
  columns.set_conversions("Käufe");
  const auto history = import("Woche,Kosten,Käufe\n2024-01-01,100,4\n2024-01-08,120,5\n", "", columns);
  EXPECT_EQ(history.mapping.format, "custom");
  EXPECT_EQ(history.row_days, 7);
  EXPECT_TRUE(history.mapping.has(HistoryField::kConversions));
}

TEST(HistoryImport, NamesFileLineAndColumnOfEveryBadInput) {
  EXPECT_EQ(import_error("date,impressions\n2024-01-01,5\n"),
            "export.csv:1: spend: no spend column: the header has none of 'spend' (format generic)");
  EXPECT_EQ(import_error("when,spend\n2024-01-01,5\n").substr(0, 25), "export.csv:1: date: no da");
  EXPECT_EQ(import_error("date,spend,clicks\n2024-01-01,5,1\n2024-01-02,abc,1\n"),
            "export.csv:3: column B \"spend\": 'abc' is not a number");
  EXPECT_EQ(import_error("date,spend,clicks\n2024-01-01,-5,1\n"),
            "export.csv:2: column B \"spend\": negative spend (-5)");
  EXPECT_EQ(
      import_error("date,spend\n2024-01-02,5\n2024-01-01,5\n"),
      "export.csv:3: column A \"date\": dates out of order: 2024-01-01 comes after 2024-01-02 (line 2); "
      "sort the export by date");
  const auto starts = [](const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
  };
  EXPECT_PRED2(
      starts, import_error("date,end_date,spend\n2024-01-01,2024-01-07,5\n2024-01-05,2024-01-11,5\n"),
      "export.csv:3: column A \"date\": 2024-01-05 overlaps the row of line 2 (2024-01-01 to 2024-01-07)");
  EXPECT_PRED2(starts, import_error("date,spend\n2024-01-01,5\n2024-01-01,5\n"),
               "export.csv:3: column A \"date\": 2024-01-01 overlaps the row of line 2");
  EXPECT_PRED2(
      starts, import_error("date,spend\n2013-01-01,5\n2024-01-01,5\n"),
      "export.csv:3: column A \"date\": the history spans 4018 days (from 2013-01-01), more than 10 years");
  EXPECT_PRED2(starts, import_error("date,spend\n2024-01-01,5\n2024-02-01,5\n"),
               "export.csv:3: column A \"date\": rows are 31 days apart");
  EXPECT_EQ(import_error("date,spend\n2024-13-01,5\n"),
            "export.csv:2: column A \"date\": '2024-13-01' is not a date (YYYY-MM-DD or M/D/YYYY)");
  EXPECT_EQ(
      import_error("date,spend\n2024-01-01,\n"),
      "export.csv:2: column B \"spend\": spend is missing: every row needs the money spent (0 when none)");
  EXPECT_EQ(import_error("date,spend\n", "meta"),
            "export.csv:1: date: no date column in the first line; a header needs one of: meta 'Day' or "
            "'Reporting starts'");
}

TEST(PeriodHistory, SumsDaysIntoWeeksCountedBackFromTheLastDay) {
  std::string csv = "date,spend,impressions,conversions,followers\n";
  // 16 days: the first 2 are short of a whole week and left out; day 9 has no row (no ads that day).
  for (int d = 1; d <= 16; ++d) {
    if (d == 9) continue;
    char line[96];
    std::snprintf(line, sizeof line, "2024-01-%02d,10,1000,%s,%d\n", d, d == 12 ? "" : "2", 100 + d);
    csv += line;
  }
  const auto periods = aggregate_history(import(csv), 7);
  ASSERT_EQ(periods.periods, 2u);
  EXPECT_EQ(iso_date(periods.first_day), "2024-01-03");
  EXPECT_EQ(iso_date(periods.last_day), "2024-01-16");
  EXPECT_DOUBLE_EQ(periods.spend[0], 60.0);  // day 9 had no row
  EXPECT_DOUBLE_EQ(periods.spend[1], 70.0);
  EXPECT_DOUBLE_EQ(periods.observed[static_cast<std::size_t>(Metric::kImpressions)][1], 7000.0);
  EXPECT_DOUBLE_EQ(periods.observed[static_cast<std::size_t>(Metric::kConversions)][0], 12.0);
  EXPECT_TRUE(
      std::isnan(periods.observed[static_cast<std::size_t>(Metric::kConversions)][1]));  // day 12 empty
  EXPECT_DOUBLE_EQ(periods.observed[static_cast<std::size_t>(Metric::kFollowersGained)][0],
                   6.0);  // 108 - 102
  EXPECT_DOUBLE_EQ(*periods.starting_followers, 102.0);
  EXPECT_FALSE(periods.present[static_cast<std::size_t>(Metric::kClicks)]);
  EXPECT_EQ(periods.notes.size(), 2u);
}

TEST(PeriodHistory, RefusesRowsLongerThanAPeriodAndHistoriesShorterThanOne) {
  EXPECT_THROW(aggregate_history(import("date,end_date,spend\n2024-01-01,2024-01-31,5\n"), 7), InputError);
  EXPECT_THROW(aggregate_history(import("date,spend\n2024-01-01,5\n2024-01-02,5\n"), 7), InputError);
}

}  // namespace
}  // namespace splitsim
