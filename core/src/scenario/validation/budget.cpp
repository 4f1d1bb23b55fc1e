// Checks the budget: its total and currency, what it covers, and how much of an "up to" budget must be spent.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// Each rate names another currency, once, and is worth a positive finite amount of it.
void check_exchange_rates(const v1::Budget& b, const FieldPath& budget, Problems& problems) {
  std::set<std::string> seen;
  for (int i = 0; i < b.exchange_rates_size(); ++i) {
    const auto& rate = b.exchange_rates(i);
    const auto path = budget.child("exchange_rates", i);
    const auto& code = rate.currency();
    if (code.size() != 3 ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      problems.add(path.child("currency"), "must be a 3-letter ISO 4217 code such as USD or EUR");
    } else if (code == b.currency()) {
      problems.add(path.child("currency"), "is the budget's own currency: a rate converts from another one");
    } else if (!seen.insert(code).second) {
      problems.add(path.child("currency"), "has a rate already: give each currency once");
    }
    if (!(std::isfinite(rate.per_budget_unit()) && rate.per_budget_unit() > 0.0)) {
      problems.add(path.child("per_budget_unit"), "must be a positive amount of " + code + " per " +
                                                      b.currency() + " (got " + num(rate.per_budget_unit()) +
                                                      ")");
    }
  }
}

}  // namespace

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
  check_exchange_rates(s.budget(), budget, problems);
}

namespace {

// A media-only budget buys paid media only: posts are the work of a team paid elsewhere, never media money.
void check_media_only(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  if (s.budget().covers() != v1::Budget::MEDIA_ONLY) return;
  if (!s.has_team()) {
    for (int c = 0; c < s.channels_size(); ++c) {
      if (s.channels(c).organic().cost_per_post() == 0.0) continue;
      problems.add(root.child("channels", c).child("organic").child("cost_per_post"),
                   "a MEDIA_ONLY budget pays for media only, not posts: describe the team that posts (team { "
                   "preset: \"solo\" } ...) or use budget { covers: ALL_IN }");
    }
  }
  if (s.search().organic_share().has_min() && s.search().organic_share().min() > 0.0) {
    problems.add(root.child("search").child("organic_share").child("min"),
                 "a MEDIA_ONLY budget has no organic share: the team is paid outside it; remove the bound");
  }
}

}  // namespace

void check_spending(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  check_media_only(s, root, problems);
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
