// Lift tests (conversion-lift or geo experiments): the spend of a test cell and the increment it measured.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "calibration/csv_reader.hpp"
#include "calibration/export_values.hpp"

namespace splitsim {

struct LiftTest {
  std::string file;  // as named in messages
  int line = 0;
  std::string channel;
  Day start{}, end{};     // inclusive
  double spend = 0.0;     // in the test cell over the window
  double measured = 0.0;  // incremental conversions measured
  double standard_error = 0.0;
  double audience_share = 1.0;  // the cell's share of the channel's audience

  // The periods of `period_days` the window takes (at least one).
  std::size_t periods(int period_days) const;
};

// Reads a lift test file: a header with channel, start, end, spend, incremental_conversions and either
// standard_error or ci_low and ci_high (with confidence, default 0.95); optionally audience_share. Throws
// InputError naming the file, line and column for a missing column, a value that is not a date or a number, a
// standard error that is not above 0, an interval the wrong way round, a spend not above 0, an audience share
// outside (0, 1], or a channel that is not one of `channels`.
std::vector<LiftTest> read_lift_tests(const std::filesystem::path& path, const std::string& name,
                                      const std::vector<std::string>& channels);

// The same, from records already read.
std::vector<LiftTest> lift_tests_from_records(const std::vector<CsvRecord>& records, const std::string& name,
                                              const std::vector<std::string>& channels);

}  // namespace splitsim
