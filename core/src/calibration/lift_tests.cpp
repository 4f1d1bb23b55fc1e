#include "calibration/lift_tests.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cctype>
#include <cmath>
#include <optional>

#include "base/errors.hpp"
#include "calibration/history_import.hpp"

namespace splitsim {
namespace {

std::string lower(std::string text) {
  for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.erase(0, 1);
  return text;
}

struct Columns {
  std::optional<std::size_t> channel, start, end, spend, measured, standard_error, ci_low, ci_high,
      confidence, audience_share;
};

std::optional<std::size_t> find(const CsvRecord& header, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
      if (lower(header.fields[c]) == name) return c;
    }
  }
  return std::nullopt;
}

class LiftRow {
 public:
  LiftRow(const std::string& file, const CsvRecord& header, const CsvRecord& record,
          std::vector<InputProblem>& problems)
      : file_(file), header_(header), record_(record), problems_(problems) {}

  std::string cell(std::size_t column) const {
    return column < record_.fields.size() ? record_.fields[column] : std::string();
  }
  void problem(std::size_t column, const std::string& message) {
    problems_.push_back({file_, record_.line, column_label(column, header_.fields[column]), message});
  }
  std::optional<Day> date(std::size_t column) {
    const auto day = parse_export_date(cell(column));
    if (!day) problem(column, "'" + cell(column) + "' is not a date (YYYY-MM-DD or M/D/YYYY)");
    return day;
  }
  std::optional<double> number(std::size_t column) {
    const auto n = parse_export_number(cell(column));
    if (n.kind == ExportNumber::Kind::kValue) return n.value;
    problem(column,
            n.kind == ExportNumber::Kind::kMissing ? "missing" : "'" + cell(column) + "' is not a number");
    return std::nullopt;
  }

 private:
  const std::string& file_;
  const CsvRecord& header_;
  const CsvRecord& record_;
  std::vector<InputProblem>& problems_;
};

}  // namespace

std::size_t LiftTest::periods(int period_days) const {
  const auto days = (end - start).count() + 1;
  return static_cast<std::size_t>(std::max<long>(1, (days + period_days - 1) / period_days));
}

std::vector<LiftTest> lift_tests_from_records(const std::vector<CsvRecord>& records, const std::string& name,
                                              const std::vector<std::string>& channels) {
  if (records.empty()) throw InputError(name, "the file is empty: a lift test file needs a header and rows");
  const auto& header = records.front();
  Columns c;
  c.channel = find(header, {"channel"});
  c.start = find(header, {"start", "start_date"});
  c.end = find(header, {"end", "end_date"});
  c.spend = find(header, {"spend"});
  c.measured = find(header, {"incremental_conversions", "lift"});
  c.standard_error = find(header, {"standard_error", "se"});
  c.ci_low = find(header, {"ci_low"});
  c.ci_high = find(header, {"ci_high"});
  c.confidence = find(header, {"confidence"});
  c.audience_share = find(header, {"audience_share"});

  std::vector<InputProblem> problems;
  const auto require = [&](const std::optional<std::size_t>& column, const char* field) {
    if (!column) problems.push_back({name, header.line, field, std::string("no '") + field + "' column"});
  };
  require(c.channel, "channel");
  require(c.start, "start");
  require(c.end, "end");
  require(c.spend, "spend");
  require(c.measured, "incremental_conversions");
  if (!c.standard_error && !(c.ci_low && c.ci_high)) {
    problems.push_back(
        {name, header.line, "standard_error",
         "no 'standard_error' column, nor 'ci_low' and 'ci_high': a lift test needs its uncertainty"});
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  std::vector<LiftTest> tests;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& record = records[r];
    LiftRow row(name, header, record, problems);
    LiftTest test;
    test.file = name;
    test.line = record.line;
    test.channel = row.cell(*c.channel);
    while (!test.channel.empty() && std::isspace(static_cast<unsigned char>(test.channel.back())))
      test.channel.pop_back();
    if (std::find(channels.begin(), channels.end(), test.channel) == channels.end()) {
      std::string known;
      for (const auto& channel : channels) known += (known.empty() ? "" : ", ") + channel;
      row.problem(*c.channel,
                  "the scenario has no channel '" + test.channel + "' (its channels: " + known + ")");
    }
    const auto start = row.date(*c.start);
    const auto end = row.date(*c.end);
    if (start && end) {
      test.start = *start;
      test.end = *end;
      if (*end < *start) row.problem(*c.end, "the test ends before it starts");
    }
    if (const auto spend = row.number(*c.spend)) {
      test.spend = *spend;
      if (!(*spend > 0.0)) row.problem(*c.spend, "the test cell's spend must be above 0");
    }
    if (const auto measured = row.number(*c.measured)) test.measured = *measured;
    if (c.standard_error &&
        parse_export_number(row.cell(*c.standard_error)).kind != ExportNumber::Kind::kMissing) {
      if (const auto se = row.number(*c.standard_error)) {
        test.standard_error = *se;
        if (!(*se > 0.0)) {
          row.problem(*c.standard_error,
                      "the standard error must be above 0: no experiment measures a lift exactly");
        }
      }
    } else if (c.ci_low && c.ci_high) {
      const auto low = row.number(*c.ci_low), high = row.number(*c.ci_high);
      double confidence = 0.95;
      if (c.confidence) {
        if (const auto given = row.number(*c.confidence)) {
          confidence = *given > 1.0 ? *given / 100.0 : *given;  // 90 or 0.9
          if (!(confidence > 0.0 && confidence < 1.0)) {
            row.problem(*c.confidence, "the confidence must be in (0, 1), e.g. 0.95");
            confidence = 0.95;
          }
        }
      }
      if (low && high) {
        if (!(*high > *low)) {
          row.problem(*c.ci_high, "the interval's high end must be above its low end");
        } else {
          const double z = boost::math::quantile(boost::math::normal(), 0.5 + confidence / 2.0);
          test.standard_error = (*high - *low) / (2.0 * z);
        }
      }
    } else {
      row.problem(*c.standard_error, "missing: a lift test needs its standard error");
    }
    if (c.audience_share &&
        parse_export_number(row.cell(*c.audience_share)).kind != ExportNumber::Kind::kMissing) {
      if (const auto share = row.number(*c.audience_share)) {
        test.audience_share = *share;
        if (!(*share > 0.0 && *share <= 1.0))
          row.problem(*c.audience_share, "the audience share must be in (0, 1]");
      }
    }
    tests.push_back(test);
  }
  if (problems.empty() && tests.empty())
    throw InputError({{name, header.line, "", "no tests after the header"}});
  if (!problems.empty()) throw InputError(std::move(problems));
  return tests;
}

std::vector<LiftTest> read_lift_tests(const std::filesystem::path& path, const std::string& name,
                                      const std::vector<std::string>& channels) {
  return lift_tests_from_records(read_csv(path, name), name, channels);
}

}  // namespace splitsim
