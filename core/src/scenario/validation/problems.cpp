// Checks shared by several validation sections: share bounds, and how numbers and names are printed.
#include "scenario/validation/problems.hpp"

#include <sstream>

#include "scenario/limits.hpp"

namespace splitsim::validation {

std::string num(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

std::string known_names(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "(none)" : text;
}

bool check_money_limit(double amount, const FieldPath& path, Problems& problems) {
  if (!(amount > kMaxMoney)) return true;
  problems.add(path, std::string("must be at most ") + kMaxMoneyText + " (got " + num(amount) +
                         "): larger amounts overflow what the models compute from them");
  return false;
}

void check_bounds(const v1::ShareBounds& bounds, const FieldPath& path, Problems& problems) {
  const double min = bounds.has_min() ? bounds.min() : 0.0;
  const double max = bounds.has_max() ? bounds.max() : 1.0;
  bool ok = true;
  if (!(min >= 0.0 && min <= 1.0)) {
    problems.add(path.child("min"), "must be a share between 0 and 1 (got " + num(min) + ")");
    ok = false;
  }
  if (!(max >= 0.0 && max <= 1.0)) {
    problems.add(path.child("max"), "must be a share between 0 and 1 (got " + num(max) + ")");
    ok = false;
  }
  // Only two valid ends can be compared meaningfully.
  if (ok && min > max) problems.add(path, "min " + num(min) + " is greater than max " + num(max));
}

}  // namespace splitsim::validation
