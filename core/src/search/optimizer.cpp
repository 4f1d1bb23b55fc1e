#include "search/optimizer.hpp"

#include <algorithm>
#include <cmath>
#include <nlopt.hpp>

#include "scenario/allocation.hpp"
#include "search/objective.hpp"
#include "search/ranking.hpp"

namespace splitsim {
namespace {

// The state the NLopt callback needs.
struct Search {
  const SplitSpace& space;
  const SplitEvaluator& evaluator;
  std::vector<Evaluated>& evaluations;
  std::size_t max_evaluations;
  double scale = 1.0;  // |objective| of the best starting point: scores are about one in size

  double evaluate(const std::vector<double>& x) {
    const auto decoded = space.decode(x);
    Evaluated e{decoded.split, evaluator.evaluate(decoded.split)};
    e.value = e.candidate.objective_value();
    if (evaluator.scenario().objective.lower_is_better()) e.value = -e.value;
    if (!std::isfinite(e.value)) e.value = e.value > 0 ? 1e300 : -1e300;
    // Breaking a limit costs more than any objective difference; the excess still guides towards meeting it.
    e.penalty = 10.0 * decoded.distance2;
    if (!e.candidate.infeasible().empty()) {
      e.penalty +=
          2.0 + 10.0 * constraint_excess(e.candidate, evaluator.scenario()) + (decoded.feasible ? 0.0 : 1.0);
    }
    e.score = score(e);
    evaluations.push_back(std::move(e));
    return evaluations.back().score;
  }

  double score(const Evaluated& e) const { return std::clamp(e.value / scale, -1e6, 1e6) - e.penalty; }
};

double callback(const std::vector<double>& x, std::vector<double>&, void* data) {
  auto* search = static_cast<Search*>(data);
  // Past the budget, NLopt is told to stop; the value returned then is not used.
  if (search->evaluations.size() >= search->max_evaluations) throw nlopt::forced_stop();
  return search->evaluate(x);
}

// Two splits are different plans when some channel's paid or organic money (as a share of the budget), the
// money spent, or a period's pacing differs by more than half a percentage point.
bool differs(const ResolvedScenario& scenario, const CandidateSplit& a, const CandidateSplit& b) {
  const auto far = [](double x, double y) { return std::abs(x - y) > 0.005; };
  if (far(a.budget_scale, b.budget_scale)) return true;
  const Allocation money_a = allocate(scenario, a), money_b = allocate(scenario, b);
  for (std::size_t c = 0; c < money_a.channels.size(); ++c) {
    if (far(money_a.channels[c].paid_budget / scenario.budget,
            money_b.channels[c].paid_budget / scenario.budget) ||
        far(money_a.channels[c].organic_budget / scenario.budget,
            money_b.channels[c].organic_budget / scenario.budget)) {
      return true;
    }
  }
  for (std::size_t t = 0; t < std::min(a.paid_pacing.size(), b.paid_pacing.size()); ++t) {
    if (far(a.paid_pacing[t], b.paid_pacing[t])) return true;
  }
  return false;
}

// Feasible before infeasible, then the objective (and its tie-break).
bool ranks_before(const Evaluated& a, const Evaluated& b, const Objective& objective) {
  const bool fa = a.candidate.infeasible().empty(), fb = b.candidate.infeasible().empty();
  if (fa != fb) return fa;
  if (!fa) return a.score > b.score;
  return better(a.candidate, b.candidate, objective);
}

// Up to `count` evaluations, best first, whose plans differ from each other. With `stop_at_infeasible`, an
// infeasible one is taken only while nothing better has been.
std::vector<const Evaluated*> distinct_ranked(const std::vector<Evaluated>& evaluations,
                                              const ResolvedScenario& scenario, std::size_t count,
                                              bool stop_at_infeasible) {
  const Objective& objective = scenario.objective;
  std::vector<const Evaluated*> sorted;
  for (const auto& e : evaluations) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Evaluated* a, const Evaluated* b) { return ranks_before(*a, *b, objective); });
  std::vector<const Evaluated*> chosen;
  for (const auto* e : sorted) {
    if (chosen.size() == count) break;
    if (stop_at_infeasible && !e->candidate.infeasible().empty() && !chosen.empty()) break;
    bool distinct = true;
    for (const auto* c : chosen) distinct = distinct && differs(scenario, c->split, e->split);
    if (distinct) chosen.push_back(e);
  }
  return chosen;
}

}  // namespace

std::vector<Evaluated> optimize_split(const SplitSpace& space, const SplitEvaluator& evaluator,
                                      std::size_t max_evaluations,
                                      const std::vector<CandidateSplit>& extra_starts) {
  std::vector<Evaluated> evaluations;
  Search search{space, evaluator, evaluations, std::max<std::size_t>(1, max_evaluations)};
  const auto& objective = evaluator.scenario().objective;

  auto starts = space.starting_points();
  for (const auto& split : extra_starts) starts.push_back(space.encode(split));
  // The objective's size is known once the starting points are evaluated: score them again with it.
  for (const auto& x : starts) {
    if (evaluations.size() >= search.max_evaluations) break;
    search.evaluate(x);
  }
  const double best_start = best_evaluated(evaluations, objective).candidate.objective_value();
  search.scale = std::isfinite(best_start) ? std::max(1e-12, std::abs(best_start)) : 1.0;
  for (auto& e : evaluations) e.score = search.score(e);
  const std::size_t dims = space.dimensions();
  if (dims == 0) return evaluations;

  // Subplex from the three best distinct starting points, sharing what is left of the budget.
  std::vector<std::vector<double>> from;
  for (const auto* e : distinct_ranked(evaluations, evaluator.scenario(), 3, false))
    from.push_back(space.encode(e->split));
  const auto subplex = [&](std::vector<double> x, double step_fraction, std::size_t budget) {
    search.max_evaluations = std::min(std::max<std::size_t>(1, max_evaluations), evaluations.size() + budget);
    nlopt::opt opt(nlopt::LN_SBPLX, static_cast<unsigned>(dims));
    opt.set_lower_bounds(space.lower());
    opt.set_upper_bounds(space.upper());
    opt.set_max_objective(callback, &search);
    opt.set_xtol_abs(1e-5);
    opt.set_ftol_rel(1e-9);
    std::vector<double> step(dims);
    for (std::size_t i = 0; i < dims; ++i) step[i] = step_fraction * (space.upper()[i] - space.lower()[i]);
    opt.set_initial_step(step);
    double value = 0.0;
    try {
      opt.optimize(x, value);
    } catch (const nlopt::forced_stop&) {
      // The evaluation budget ran out: what was found so far stands.
    } catch (const nlopt::roundoff_limited&) {
      // Converged as far as floating point allows.
    }
  };
  const auto left = [&] {
    return std::max<std::size_t>(1, max_evaluations) - std::min(max_evaluations, evaluations.size());
  };
  // Half the budget goes to the starts in turn; the rest restarts from the best point with ever smaller steps
  // (a simplex method can stall on the kinks the projection makes; a fresh simplex gets past them).
  const std::size_t per_start = left() / 2 / std::max<std::size_t>(1, from.size());
  for (const auto& x : from) {
    if (left() == 0) break;
    subplex(x, 0.1, per_start);
  }
  double step = 0.05;
  while (left() > 0) {
    const std::size_t before = evaluations.size();
    const double best_score = best_evaluated(evaluations, objective).score;
    subplex(space.encode(best_evaluated(evaluations, objective).split), step,
            std::max<std::size_t>(2 * dims + 2, left() / 3));
    const bool improved =
        best_evaluated(evaluations, objective).score > best_score + 1e-12 * std::abs(best_score);
    if (evaluations.size() == before) break;
    step = improved ? step : step / 4;
    if (step < 1e-4) break;
  }
  search.max_evaluations = std::max<std::size_t>(1, max_evaluations);
  return evaluations;
}

const Evaluated& best_evaluated(const std::vector<Evaluated>& evaluations, const Objective& objective) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < evaluations.size(); ++i) {
    if (ranks_before(evaluations[i], evaluations[best], objective)) best = i;
  }
  return evaluations[best];
}

std::vector<const Evaluated*> distinct_best(const std::vector<Evaluated>& evaluations,
                                            const ResolvedScenario& scenario, std::size_t count) {
  return distinct_ranked(evaluations, scenario, count, true);
}

}  // namespace splitsim
