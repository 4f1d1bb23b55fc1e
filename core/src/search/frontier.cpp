#include "search/frontier.hpp"

#include <algorithm>
#include <optional>

#include "search/objective.hpp"
#include "search/optimizer.hpp"
#include "search/ranking.hpp"

namespace splitsim {

std::vector<v1::FrontierPoint> efficient_frontier(const SplitEvaluator& search, const SplitEvaluator& fresh,
                                                  const CandidateSplit& optimum,
                                                  std::vector<double> multiples,
                                                  std::size_t evaluations_per_point,
                                                  std::size_t& evaluations) {
  const auto& scenario = search.scenario();
  const auto& objective = scenario.objective;
  std::sort(multiples.begin(), multiples.end());
  std::vector<v1::FrontierPoint> frontier;
  std::optional<CandidateSplit> previous;
  for (const double multiple : multiples) {
    // An "up to" budget may still spend less at each level; a fixed one spends it all.
    const double low = scenario.up_to ? multiple * scenario.min_spend_share : multiple;
    const SplitSpace space(scenario, low, multiple);
    std::vector<CandidateSplit> starts;
    for (auto start : {std::optional<CandidateSplit>(optimum), previous}) {
      if (!start) continue;
      start->budget_scale = multiple;
      starts.push_back(space.decode(space.encode(*start)).split);
    }
    const auto found = optimize_split(space, search, evaluations_per_point, starts);
    evaluations += found.size();
    CandidateSplit chosen = best_evaluated(found, objective).split;
    auto candidate = fresh.evaluate(chosen);
    if (previous) {
      // The previous level's split with this level's money is a plan too: keep it if it does better.
      auto kept = starts.back();
      auto kept_candidate = fresh.evaluate(kept);
      ++evaluations;
      if (kept_candidate.infeasible().empty() && better(kept_candidate, candidate, objective)) {
        chosen = kept;
        candidate = std::move(kept_candidate);
      }
    }
    v1::FrontierPoint point;
    point.set_budget(scenario.budget * chosen.budget_scale);
    *point.mutable_allocation() = candidate.allocation();
    *point.mutable_kpi() = find_kpi(candidate, objective.kpi);
    point.set_objective_value(candidate.objective_value());
    frontier.push_back(std::move(point));
    previous = chosen;
  }
  return frontier;
}

}  // namespace splitsim
