// Checks the budget: its total and currency, and how much of an "up to" budget must be spent.
#include <algorithm>
#include <cmath>

#include "scenario/validation/sections.hpp"

namespace splitsim::validation {

void check_budget(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const auto budget = root.child("budget");
  if (!s.has_budget()) {
    problems.add(budget, "missing: give budget { total: ... currency: \"USD\" }");
  } else if (!(std::isfinite(s.budget().total()) && s.budget().total() > 0.0)) {
    problems.add(budget.child("total"), "must be a positive amount (got " + num(s.budget().total()) + ")");
  } else {
    check_money_limit(s.budget().total(), budget.child("total"), problems);
  }
  // An empty currency has been defaulted to USD by now, so anything else here was typed.
  const auto& currency = s.budget().currency();
  if (currency.size() != 3 ||
      !std::all_of(currency.begin(), currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    problems.add(budget.child("currency"), "must be a 3-letter ISO 4217 code such as USD or EUR");
  }
}

void check_spending(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const auto budget = root.child("budget");
  // Only the optimizer searches how much to spend; a grid always spends the whole budget.
  if (s.budget().up_to() && !s.search().has_optimize()) {
    problems.add(budget.child("up_to"), "an \"up to\" budget needs search { optimize {} }");
  }
  if (s.budget().has_min_spend_share() &&
      !(s.budget().min_spend_share() >= 0.0 && s.budget().min_spend_share() <= 1.0)) {
    problems.add(budget.child("min_spend_share"),
                 "must be in [0, 1] (got " + num(s.budget().min_spend_share()) + ")");
  }
}

}  // namespace splitsim::validation
