// Reading dates and numbers as platform exports write them.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace splitsim {

using Day = std::chrono::sys_days;

// A date written YYYY-MM-DD (optionally followed by a time, which is ignored), YYYY/MM/DD or M/D/YYYY (the US
// order of LinkedIn's exports). Nothing when the text is not a valid calendar date of one of these forms.
std::optional<Day> parse_export_date(const std::string& text);

// YYYY-MM-DD.
std::string iso_date(Day day);

// What a number cell holds: a value, nothing reported (an empty cell or "--"), or text that is not a number.
struct ExportNumber {
  enum class Kind { kValue, kMissing, kNotANumber } kind = Kind::kMissing;
  double value = 0.0;
};

// A number written with a point for decimals and optional thousands separators ("12,345.67"), an optional
// sign and an exponent. Never reads a locale.
ExportNumber parse_export_number(const std::string& text);

}  // namespace splitsim
