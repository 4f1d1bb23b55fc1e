#include "search/ranking.hpp"

#include <algorithm>
#include <numeric>

#include "base/kpi.hpp"
#include "search/objective.hpp"

namespace splitsim {

bool better(const RankKey& a, const RankKey& b, const Objective& objective) {
  if (a.objective_value != b.objective_value) {
    return objective.lower_is_better() ? a.objective_value < b.objective_value
                                       : a.objective_value > b.objective_value;
  }
  return lower_is_better(objective.kpi) ? a.headline_mean < b.headline_mean
                                        : a.headline_mean > b.headline_mean;
}

bool better(const v1::Candidate& a, const v1::Candidate& b, const Objective& objective) {
  return better(rank_key(a, objective), rank_key(b, objective), objective);
}

int best_feasible(const CandidateSource& candidates, const Objective& objective, int excluded) {
  int best = -1;
  RankKey best_key;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const RankKey key = candidates.key(i);
    if (static_cast<int>(i) == excluded || !key.feasible) continue;
    if (best < 0 || better(key, best_key, objective)) best = static_cast<int>(i), best_key = key;
  }
  return best;
}

int best_feasible(const Candidates& candidates, const Objective& objective, int excluded) {
  return best_feasible(CandidateMessages(candidates, objective), objective, excluded);
}

std::vector<int> ranked_positions(const CandidateSource& candidates, const Objective& objective,
                                  bool feasible_only) {
  std::vector<RankKey> keys(candidates.size());
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = candidates.key(i);
  std::vector<int> order;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!feasible_only || keys[i].feasible) order.push_back(static_cast<int>(i));
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const auto& ka = keys[static_cast<std::size_t>(a)];
    const auto& kb = keys[static_cast<std::size_t>(b)];
    if (ka.feasible != kb.feasible) return ka.feasible;
    return better(ka, kb, objective);
  });
  return order;
}

std::vector<int> ranked_positions(const Candidates& candidates, const Objective& objective,
                                  bool feasible_only) {
  return ranked_positions(CandidateMessages(candidates, objective), objective, feasible_only);
}

}  // namespace splitsim
