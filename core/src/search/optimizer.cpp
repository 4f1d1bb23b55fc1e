#include "search/optimizer.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <nlopt.hpp>
#include <optional>

#include "scenario/allocation.hpp"
#include "search/min_paid.hpp"
#include "search/objective.hpp"
#include "search/ranking.hpp"

namespace splitsim {
namespace {

// Feasible before infeasible, then the objective (and its tie-break); infeasible ones by their score.
bool ranks_before(const Evaluated& a, const Evaluated& b, const Objective& objective) {
  const bool fa = a.candidate.infeasible().empty(), fb = b.candidate.infeasible().empty();
  if (fa != fb) return fa;
  if (!fa) return a.score > b.score;
  return better(a.candidate, b.candidate, objective);
}

std::size_t best_index(const std::vector<Evaluated>& evaluations, const Objective& objective) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < evaluations.size(); ++i) {
    if (ranks_before(evaluations[i], evaluations[best], objective)) best = i;
  }
  return best;
}

// The state the NLopt callbacks share.
struct Search {
  Search(const SplitSpace& space, const SplitEvaluator& evaluator, std::vector<Evaluated>& evaluations,
         std::size_t bound)
      : space(space), evaluator(evaluator), evaluations(evaluations), bound(bound), limit(bound) {}

  const SplitSpace& space;
  const SplitEvaluator& evaluator;
  std::vector<Evaluated>& evaluations;
  std::size_t bound;           // max_evaluations
  std::size_t limit;           // evaluations the running local search may reach (<= bound)
  bool constrained = false;    // COBYLA, with the limits' margins as its constraints
  double scale = 1.0;          // the objective's size at the best starting point: scores are about one
  std::exception_ptr failure;  // what a simulation threw (a plugin's error, a cancellation): rethrown
  // MIN_COST_FOR_TARGET as the only limit: the spent share's coordinate, which is solved for at every point
  // of the others (least_cost_value) instead of searched; kAbsent otherwise.
  std::size_t nested_at = SplitSpace::kAbsent;
  double crossing_guess = 1.0;   // where the last crossing was, in the spent share's coordinate
  double crossing_slope = -1.0;  // the margin's change per unit of that coordinate there (< 0)

  const Evaluated& evaluate(std::vector<double> x) {
    evaluations.push_back(assess(std::move(x)));
    return evaluations.back();
  }

  // Points that do not depend on each other (the starting points): simulated in parallel, each on its own
  // (in turn when each split is spread over processes), and recorded in their order, so the evaluations are
  // the same for any thread count.
  void evaluate_independent(const std::vector<std::vector<double>>& points) {
    std::vector<Evaluated> assessed(points.size());
    evaluator.for_each_split(points.size(), [&](std::size_t i) { assessed[i] = assess(points[i]); });
    for (auto& e : assessed) evaluations.push_back(std::move(e));
  }

  // The evaluation at `x` (clamped to the unit box), read only from x and the search's settings.
  Evaluated assess(std::vector<double> x) const {
    for (auto& v : x) v = std::clamp(v, 0.0, 1.0);
    const auto decoded = space.decode(x);
    Evaluated e;
    e.x = std::move(x);
    e.split = decoded.split;
    SearchFigures figures;
    e.candidate = evaluator.steer(e.split, figures);  // steps are ranked, never reported
    const auto& scenario = evaluator.scenario();
    e.value = scenario.objective.lower_is_better() ? -figures.steering_value : figures.steering_value;
    if (!std::isfinite(e.value)) e.value = e.value > 0 ? 1e300 : -1e300;
    e.margins = constraint_margins(e.candidate, scenario, figures.reached);
    e.margins.push_back(decoded.money_excess);
    if (auto minimum = min_paid_violation(scenario, allocate(scenario, e.split)); !minimum.empty()) {
      e.candidate.set_infeasible(minimum);  // a plan the decoding could not keep to minimum viable spends
    }
    if (!e.candidate.infeasible().empty()) {
      // Breaking a limit costs more than any objective difference; the breach still guides towards keeping
      // it.
      e.penalty = 1.0;
      for (const double m : e.margins) e.penalty += 10.0 * std::max(0.0, m);
    }
    e.score = score(e);
    return e;
  }

  double normalised(const Evaluated& e) const { return std::clamp(e.value / scale, -1e6, 1e6); }
  double score(const Evaluated& e) const { return normalised(e) - e.penalty; }

  // The evaluation at `x` (the last one, when it was there: COBYLA asks for the constraints where it has
  // just asked for the objective), simulated when new; stops the local search when the bound is reached.
  const Evaluated& at(const std::vector<double>& x) {
    if (!evaluations.empty()) {
      const auto& last = evaluations.back().x;
      bool same = last.size() == x.size();
      for (std::size_t i = 0; same && i < x.size(); ++i) same = last[i] == std::clamp(x[i], 0.0, 1.0);
      if (same) return evaluations.back();
    }
    if (evaluations.size() >= limit) throw nlopt::forced_stop();
    try {
      return evaluate(x);
    } catch (...) {
      failure = std::current_exception();
      throw nlopt::forced_stop();
    }
  }

  // The coordinates searched, and the whole point with the spent share's coordinate `u` put back.
  std::vector<double> searched(std::vector<double> x) const {
    if (nested_at != SplitSpace::kAbsent) x.erase(x.begin() + static_cast<std::ptrdiff_t>(nested_at));
    return x;
  }
  std::vector<double> whole(std::vector<double> x, double u) const {
    if (nested_at != SplitSpace::kAbsent) x.insert(x.begin() + static_cast<std::ptrdiff_t>(nested_at), u);
    return x;
  }

  // MIN_COST_FOR_TARGET at a point of the other coordinates: the least spend whose plan reaches the target
  // in min_probability of the trials. The margin (the target less what the KPI reaches, objective.hpp)
  // falls as the spend grows; its crossing of zero is bracketed from the last crossing (a Newton step from
  // the last slope, half as long again so as to land past it) and narrowed by regula falsi (Illinois) to a
  // millionth of the spent share's range. Returns the (normalised, negated) cost at the crossing,
  // interpolated between the plans on either side (cost is linear in the spend): a smooth function of the
  // split for the outer search. Even the largest spend falling short returns its cost less the shortfall.
  double least_cost_value(const std::vector<double>& point) {
    auto x = whole(point, crossing_guess);
    struct Probe {
      double u, margin, value;
    };
    const auto probe = [&](double u) {
      x[nested_at] = std::clamp(u, 0.0, 1.0);
      const Evaluated& e = at(x);
      return Probe{x[nested_at], e.margins.front(), normalised(e)};
    };
    std::optional<Probe> short_of, reaching;  // the nearest plans on either side of the crossing
    const Probe first = probe(crossing_guess);
    (first.margin > 0.0 ? short_of : reaching) = first;
    double slope = crossing_slope;
    while (!short_of || !reaching) {
      const Probe& from = short_of ? *short_of : *reaching;
      if (short_of && from.u >= 1.0) return from.value - 10.0 * from.margin;
      if (reaching && from.u <= 0.0) return from.value;
      const double step = 1.05 * std::abs(from.margin / slope) + 1e-7;
      const Probe next = probe(from.u + (short_of ? step : -step));
      if (next.margin != from.margin && (next.margin - from.margin) / (next.u - from.u) < 0.0) {
        slope = (next.margin - from.margin) / (next.u - from.u);
      }
      (next.margin > 0.0 ? short_of : reaching) = next;
    }
    // Illinois: the weight of an end kept twice in a row is halved, so that both ends close in.
    double weight_short = short_of->margin, weight_reaching = reaching->margin;
    int kept = 0;  // +1: the reaching end was kept last time, -1: the short one
    for (int i = 0; i < 60 && reaching->u - short_of->u > 1e-6 && reaching->margin < -1e-9; ++i) {
      const double u =
          reaching->u - weight_reaching * (reaching->u - short_of->u) / (weight_reaching - weight_short);
      const Probe next = probe(u);
      if (next.margin > 0.0) {
        short_of = next;
        weight_short = next.margin;
        if (kept == 1) weight_reaching /= 2.0;
        kept = 1;
      } else {
        reaching = next;
        weight_reaching = next.margin;
        if (kept == -1) weight_short /= 2.0;
        kept = -1;
      }
    }
    const double t = short_of->margin / (short_of->margin - reaching->margin);
    crossing_guess = short_of->u + t * (reaching->u - short_of->u);
    if (reaching->margin < short_of->margin) {
      crossing_slope = (reaching->margin - short_of->margin) / (reaching->u - short_of->u);
    }
    return short_of->value + t * (reaching->value - short_of->value);
  }
};

double objective_callback(const std::vector<double>& x, std::vector<double>&, void* data) {
  auto* search = static_cast<Search*>(data);
  if (search->nested_at != SplitSpace::kAbsent) return search->least_cost_value(x);
  const Evaluated& e = search->at(x);
  return search->constrained ? search->normalised(e) : e.score;
}

struct MarginSlot {
  Search* search;
  std::size_t index;
};

double margin_callback(const std::vector<double>& x, std::vector<double>&, void* data) {
  const auto* slot = static_cast<MarginSlot*>(data);
  return std::clamp(slot->search->at(x).margins[slot->index], -1e6, 1e6);
}

// Runs `algorithm` from `start` (a whole point) with initial steps `step` (in the unit box) for at most
// `budget` evaluations; true when it stopped by its own tolerance, false when the budget ran out.
bool local_search(Search& search, nlopt::algorithm algorithm, const std::vector<double>& start, double step,
                  std::size_t budget) {
  search.limit = std::min(search.bound, search.evaluations.size() + budget);
  if (search.evaluations.size() >= search.limit) return false;
  if (search.nested_at != SplitSpace::kAbsent) search.crossing_guess = start[search.nested_at];
  std::vector<double> x = search.searched(start);
  const std::size_t dims = x.size();
  try {
    if (dims == 0) {
      // Only the spend varies: its crossing is the answer.
      search.least_cost_value(x);
      return true;
    }
    nlopt::opt opt(algorithm, static_cast<unsigned>(dims));
    opt.set_lower_bounds(std::vector<double>(dims, 0.0));
    opt.set_upper_bounds(std::vector<double>(dims, 1.0));
    opt.set_max_objective(objective_callback, &search);
    std::vector<MarginSlot> slots;
    if (search.constrained) {
      const std::size_t count = search.evaluations.front().margins.size();
      for (std::size_t i = 0; i < count; ++i) slots.push_back({&search, i});
      for (auto& slot : slots) opt.add_inequality_constraint(margin_callback, &slot, 0.0);
    }
    // A millionth of a share, and a change of the objective below 1e-12 of its size, are nothing.
    opt.set_xtol_abs(1e-6);
    opt.set_ftol_abs(1e-12);
    opt.set_initial_step(std::vector<double>(dims, step));
    double value = 0.0;
    opt.optimize(x, value);
  } catch (const nlopt::forced_stop&) {
    if (search.failure) std::rethrow_exception(search.failure);
    return false;
  } catch (const nlopt::roundoff_limited&) {
    // Converged as far as floating point allows.
  }
  return true;
}

// Whether `after` is better than `before`: newly feasible, or a score higher by more than 1e-9 of it (what
// is left of a converged local search's last step).
bool improved(const Evaluated& before, const Evaluated& after) {
  const bool fb = before.candidate.infeasible().empty(), fa = after.candidate.infeasible().empty();
  if (fa != fb) return fa;
  return after.score > before.score + 1e-9 * std::max(1.0, std::abs(before.score));
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

// A constrained local search may end among broken plans better than every kept one: COBYLA follows a
// limit's linear model across its edge, and a noisy limit (a chance constraint's quantile, flat on the kept
// side) misleads it. Between the best kept plan and a better broken one lies a kept plan nearer the better
// one: bisection finds it, kBisections evaluations each, the best broken plans first (by their figure).
constexpr std::size_t kBisections = 5;

void restore_feasibility(Search& search, const Objective& objective, std::size_t bound) {
  auto& evaluations = search.evaluations;
  std::vector<std::vector<double>> tried;  // broken plans already bisected towards
  while (evaluations.size() + kBisections <= bound) {
    const std::size_t kept = best_index(evaluations, objective);
    if (!evaluations[kept].candidate.infeasible().empty()) return;  // nothing kept to start from
    const Evaluated* target = nullptr;
    for (const auto& e : evaluations) {
      if (e.candidate.infeasible().empty() || e.value <= evaluations[kept].value) continue;
      if (std::find(tried.begin(), tried.end(), e.x) != tried.end()) continue;
      if (!target || e.value > target->value) target = &e;
    }
    if (!target) return;
    tried.push_back(target->x);
    const std::vector<double> from = evaluations[kept].x, to = target->x;  // copies: evaluations grow
    double inside = 0.0, outside = 1.0;
    for (std::size_t step = 0; step < kBisections; ++step) {
      const double t = 0.5 * (inside + outside);
      std::vector<double> x(from.size());
      for (std::size_t i = 0; i < x.size(); ++i) x[i] = from[i] + t * (to[i] - from[i]);
      const bool kept_there = search.evaluate(std::move(x)).candidate.infeasible().empty();
      (kept_there ? inside : outside) = t;
    }
  }
}

}  // namespace

SearchOutcome optimize_split(const SplitSpace& space, const SplitEvaluator& evaluator,
                             std::size_t max_evaluations, const std::vector<CandidateSplit>& extra_starts) {
  SearchOutcome outcome;
  auto& evaluations = outcome.evaluations;
  const auto& scenario = evaluator.scenario();
  const auto& objective = scenario.objective;
  const std::size_t whole_bound = std::max<std::size_t>(1, max_evaluations);
  const bool constrained = !scenario.constraints.empty() || objective.statistic == v1::MIN_COST_FOR_TARGET;
  // With limits to keep, a tenth of the evaluations is kept back to restore a kept plan (below).
  const std::size_t restoring = constrained && !scenario.constraints.empty() ? whole_bound / 10 : 0;
  const std::size_t bound = std::max<std::size_t>(1, whole_bound - restoring);
  Search search(space, evaluator, evaluations, bound);
  search.constrained = constrained;
  if (scenario.constraints.empty() && objective.statistic == v1::MIN_COST_FOR_TARGET &&
      space.scale_coordinate() != SplitSpace::kAbsent) {
    // The least cost reaching the target, searched over the split with the spend solved for.
    search.nested_at = space.scale_coordinate();
    search.constrained = false;
  }
  const auto left = [&] { return bound - std::min(bound, evaluations.size()); };

  // Starting points, warm ones first, within half the bound; a grid only when it takes a sixth at most.
  std::vector<std::vector<double>> starts;
  for (const auto& split : extra_starts) starts.push_back(space.encode(split));
  for (auto& x : space.starting_points(bound / 6)) starts.push_back(std::move(x));
  starts.resize(std::min(starts.size(), std::max<std::size_t>(1, bound / 2)));
  search.evaluate_independent(starts);
  // The objective's size is known once the starting points are evaluated: score them again with it.
  const double best_start = evaluations[best_index(evaluations, objective)].value;
  search.scale = objective.statistic == v1::PROB_TARGET
                     ? 1.0
                     : (std::abs(best_start) < 1e300 ? std::max(1e-12, std::abs(best_start)) : 1.0);
  for (auto& e : evaluations) e.score = search.score(e);
  const std::size_t dims = space.dimensions() - (search.nested_at != SplitSpace::kAbsent ? 1 : 0);
  if (space.dimensions() == 0) {
    outcome.converged = true;
    return outcome;
  }

  // The local optimizers, first the one that leads: COBYLA where limits must be kept; otherwise BOBYQA,
  // taking turns with Subplex, which leads for PROB_TARGET (its interpolated probability is linear between
  // trials, where quadratic models stop early). Percentiles interpolate between trials too, but they are
  // smooth at the scale of a search's steps, where BOBYQA reaches better plans in as many evaluations.
  // BOBYQA needs two dimensions.
  const bool kinked = objective.statistic == v1::PROB_TARGET;
  std::vector<nlopt::algorithm> turns{nlopt::LN_COBYLA};
  if (!search.constrained) {
    turns = dims < 2 ? std::vector{nlopt::LN_SBPLX}
            : kinked ? std::vector{nlopt::LN_SBPLX, nlopt::LN_BOBYQA}
                     : std::vector{nlopt::LN_BOBYQA, nlopt::LN_SBPLX};
  }
  // Converged: the local search that found the best point stopped by its own tolerance, not at the bound.
  // Restarts from the best point, each with a fresh model or simplex (a local optimizer can stall where a new
  // start does not), the optimizers taking turns, follow while the bound allows, until one finds nothing
  // better; one that does find better must stop by its tolerance in turn for the search to have converged.
  const auto restart_until_quiet = [&] {
    for (std::size_t turn = 0; left() > 0; ++turn) {
      const std::size_t before = best_index(evaluations, objective);
      const bool done = local_search(search, turns[turn % turns.size()], evaluations[before].x, 0.05, left());
      if (!improved(evaluations[before], evaluations[best_index(evaluations, objective)])) return;
      outcome.converged = done;
    }
  };
  // A local search from the best starting point, then restarts; then, with what is left, from the next best
  // distinct starting points (other basins), half of what is left each while that is 4 d + 4 evaluations at
  // least (twice a first model of the objective): a better point found there is restarted from in turn.
  std::vector<std::vector<double>> from;  // copies: the evaluations grow
  for (const auto* e : distinct_ranked(evaluations, scenario, 3, false)) from.push_back(e->x);
  for (std::size_t i = 0; i < from.size(); ++i) {
    const std::size_t budget = i == 0 ? left() : left() / 2;
    if (budget == 0 || (i > 0 && budget < 4 * dims + 4)) break;
    const std::size_t before = best_index(evaluations, objective);
    const bool done = local_search(search, turns.front(), from[i], 0.1, budget);
    if (i == 0 || improved(evaluations[before], evaluations[best_index(evaluations, objective)])) {
      outcome.converged = done;
      restart_until_quiet();
    }
  }
  if (restoring > 0) restore_feasibility(search, objective, whole_bound);
  return outcome;
}

const Evaluated& best_evaluated(const std::vector<Evaluated>& evaluations, const Objective& objective) {
  return evaluations[best_index(evaluations, objective)];
}

std::vector<const Evaluated*> distinct_best(const std::vector<Evaluated>& evaluations,
                                            const ResolvedScenario& scenario, std::size_t count) {
  return distinct_ranked(evaluations, scenario, count, true);
}

}  // namespace splitsim
