#include "calibration/export_values.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace splitsim {
namespace {

std::string trimmed(const std::string& text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

// Reads an unsigned whole number of 1 to `max_digits` digits at `pos`; advances `pos`.
std::optional<int> read_digits(const std::string& text, std::size_t& pos, std::size_t max_digits) {
  const std::size_t begin = pos;
  int value = 0;
  while (pos < text.size() && pos - begin < max_digits &&
         std::isdigit(static_cast<unsigned char>(text[pos]))) {
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == begin) return std::nullopt;
  return value;
}

std::optional<Day> make_day(int y, int m, int d) {
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1900 || y > 2999) return std::nullopt;
  return Day{ymd};
}

// After the date: nothing, or a time separated by a space or 'T'.
bool date_ends_here(const std::string& text, std::size_t pos) {
  return pos == text.size() || text[pos] == ' ' || text[pos] == 'T';
}

}  // namespace

std::optional<Day> parse_export_date(const std::string& raw) {
  const std::string text = trimmed(raw);
  std::size_t pos = 0;
  const auto a = read_digits(text, pos, 4);
  const std::size_t a_digits = pos;
  if (!a || pos >= text.size() || (text[pos] != '-' && text[pos] != '/')) return std::nullopt;
  const char separator = text[pos++];
  const auto b = read_digits(text, pos, 2);
  if (!b || pos >= text.size() || text[pos] != separator) return std::nullopt;
  const std::size_t c_begin = ++pos;
  const auto c = read_digits(text, pos, 4);
  const std::size_t c_digits = pos - c_begin;
  if (!c || !date_ends_here(text, pos)) return std::nullopt;
  if (a_digits == 4 && c_digits <= 2) return make_day(*a, *b, *c);                      // YYYY-MM-DD
  if (a_digits <= 2 && c_digits == 4 && separator == '/') return make_day(*c, *a, *b);  // M/D/YYYY
  return std::nullopt;
}

std::string iso_date(Day day) {
  const std::chrono::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

ExportNumber parse_export_number(const std::string& raw) {
  const std::string text = trimmed(raw);
  if (text.empty() || text == "--" || text == "-") return {ExportNumber::Kind::kMissing, 0.0};
  // Thousands separators only in their place: 1,234,567.89 (a comma elsewhere is not a number here).
  std::string plain;
  const std::size_t digits_begin = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  std::size_t integer_end = text.find_first_of(".eE", digits_begin);
  if (integer_end == std::string::npos) integer_end = text.size();
  const std::string integer = text.substr(digits_begin, integer_end - digits_begin);
  if (integer.find(',') != std::string::npos) {
    std::size_t group = integer.find(',');
    bool grouped = group >= 1 && group <= 3;
    for (std::size_t i = group; grouped && i < integer.size(); i += 4) {
      grouped =
          integer[i] == ',' && i + 4 <= integer.size() && (i + 4 == integer.size() || integer[i + 4] == ',');
    }
    if (!grouped) return {ExportNumber::Kind::kNotANumber, 0.0};
  }
  for (char ch : text) {
    if (ch != ',') plain += ch;
  }
  if (plain[0] == '+') plain.erase(0, 1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (error != std::errc() || end != plain.data() + plain.size() || !std::isfinite(value))
    return {ExportNumber::Kind::kNotANumber, 0.0};
  return {ExportNumber::Kind::kValue, value};
}

}  // namespace splitsim
