#include "base/money_unit.hpp"

namespace splitsim {

std::string currency_of_unit(std::string_view unit) {
  if (unit.size() < 3) return "";
  for (std::size_t i = 0; i < 3; ++i) {
    if (unit[i] < 'A' || unit[i] > 'Z') return "";
  }
  if (unit.size() > 3 && unit[3] != ' ') return "";
  return std::string(unit.substr(0, 3));
}

}  // namespace splitsim
