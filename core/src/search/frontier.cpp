#include "search/frontier.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "search/objective.hpp"
#include "search/optimizer.hpp"
#include "search/ranking.hpp"

namespace splitsim {

std::vector<v1::FrontierPoint> efficient_frontier(const SplitEvaluator& search, const SplitEvaluator& fresh,
                                                  const FrontierAnchor& recommendation,
                                                  std::vector<double> multiples,
                                                  std::size_t evaluations_per_point,
                                                  std::size_t& evaluations) {
  const auto& scenario = search.scenario();
  const auto& objective = scenario.objective;
  std::sort(multiples.begin(), multiples.end());
  // The spend never falls from one level to the next: each level spends at least what the level below
  // chose, and below budget.total at most what the recommendation spends. In exact arithmetic this loses
  // nothing (a plan spending less than the level below chose was open to that level, which preferred its
  // own), and it keeps the points in order of cost where the objective is flat in the spend.
  const double recommended_scale = recommendation.split.budget_scale;
  std::vector<v1::FrontierPoint> frontier;
  std::optional<CandidateSplit> previous;
  for (const double multiple : multiples) {
    // An "up to" budget may still spend less at each level; a fixed one spends it all.
    double low = scenario.up_to ? multiple * scenario.min_spend_share : multiple, high = multiple;
    if (previous) low = std::min(high, std::max(low, previous->budget_scale));
    if (multiple < 1.0) high = std::max(low, std::min(high, recommended_scale));
    CandidateSplit chosen;
    v1::Candidate candidate;
    bool converged = false;
    if (std::abs(multiple - 1.0) < 1e-12) {
      chosen = recommendation.split;
      candidate = recommendation.candidate;
      converged = recommendation.converged;
    } else {
      const SplitSpace space(scenario, low, high);
      // Warm starts: the recommendation spending the same share of this budget, and the previous point's plan
      // spending what it spent (as near as this level allows).
      std::vector<CandidateSplit> starts{recommendation.split};
      starts.back().budget_scale = std::clamp(recommended_scale * multiple, low, high);
      if (previous) {
        starts.push_back(*previous);
        starts.back().budget_scale = std::clamp(previous->budget_scale, low, high);
      }
      const auto found = optimize_split(space, search, evaluations_per_point, starts);
      evaluations += found.evaluations.size();
      converged = found.converged;
      chosen = best_evaluated(found.evaluations, objective).split;
      candidate = fresh.evaluate(chosen);
      ++evaluations;
      if (previous) {
        // The previous level's plan, as near as this level allows, is a plan here too: keep it if it does
        // better.
        const auto kept = space.decode(space.encode(starts.back())).split;
        auto kept_candidate = fresh.evaluate(kept);
        ++evaluations;
        if (kept_candidate.infeasible().empty() &&
            (!candidate.infeasible().empty() || better(kept_candidate, candidate, objective))) {
          chosen = kept;
          candidate = std::move(kept_candidate);
        }
      }
    }
    v1::FrontierPoint point;
    point.set_budget(scenario.budget * chosen.budget_scale);
    *point.mutable_allocation() = candidate.allocation();
    *point.mutable_kpi() = find_kpi(candidate, objective.kpi);
    point.set_objective_value(candidate.objective_value());
    point.set_converged(converged);
    frontier.push_back(std::move(point));
    previous = chosen;
  }
  return frontier;
}

}  // namespace splitsim
