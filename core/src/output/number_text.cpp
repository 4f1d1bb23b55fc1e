#include "output/number_text.hpp"

#include <cmath>
#include <cstdio>

namespace splitsim {

std::string readable_number(double value) {
  char buffer[64];
  if (std::abs(value) < 100.0) {
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
  }
  std::snprintf(buffer, sizeof buffer, "%.0f", std::abs(value));
  const std::string digits = buffer;
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (value < 0 ? "-" : "") + grouped;
}

std::string percent_text(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f%%", 100.0 * share);
  return buffer;
}

}  // namespace splitsim
