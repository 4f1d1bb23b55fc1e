#include "search/ranking.hpp"

#include <algorithm>
#include <numeric>

#include "base/kpi.hpp"
#include "search/objective.hpp"

namespace splitsim {

bool better(const v1::Candidate& a, const v1::Candidate& b, const Objective& objective) {
  if (a.objective_value() != b.objective_value()) {
    return objective.lower_is_better() ? a.objective_value() < b.objective_value()
                                       : a.objective_value() > b.objective_value();
  }
  // The expected value as the headline reads it: for a ratio KPI, the ratio of expected totals.
  const double mean_a = headline_mean(find_kpi(a, objective.kpi)),
               mean_b = headline_mean(find_kpi(b, objective.kpi));
  return lower_is_better(objective.kpi) ? mean_a < mean_b : mean_a > mean_b;
}

int best_feasible(const Candidates& candidates, const Objective& objective, int excluded) {
  int best = -1;
  for (int i = 0; i < candidates.size(); ++i) {
    if (i == excluded || !candidates[i].infeasible().empty()) continue;
    if (best < 0 || better(candidates[i], candidates[best], objective)) best = i;
  }
  return best;
}

std::vector<int> ranked_positions(const Candidates& candidates, const Objective& objective,
                                  bool feasible_only) {
  std::vector<int> order;
  for (int i = 0; i < candidates.size(); ++i) {
    if (!feasible_only || candidates[i].infeasible().empty()) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const auto& ca = candidates[a];
    const auto& cb = candidates[b];
    if (ca.infeasible().empty() != cb.infeasible().empty()) return ca.infeasible().empty();
    return better(ca, cb, objective);
  });
  return order;
}

}  // namespace splitsim
