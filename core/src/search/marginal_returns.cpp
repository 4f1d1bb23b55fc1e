#include "search/marginal_returns.hpp"

#include "engine/team_plan.hpp"
#include "scenario/share_bounds.hpp"

namespace splitsim {

CandidateSplit with_extra_money(const CandidateSplit& split, double budget, std::size_t channel, bool organic,
                                double extra) {
  const double spent = budget * split.budget_scale;
  std::vector<double> paid(split.paid_shares.size()), organic_money(split.organic_shares.size());
  for (std::size_t c = 0; c < paid.size(); ++c) {
    paid[c] = spent * (1.0 - split.organic_share) * split.paid_shares[c];
    organic_money[c] = spent * split.organic_share * split.organic_shares[c];
  }
  (organic ? organic_money : paid)[channel] += extra;
  double paid_total = 0.0, organic_total = 0.0;
  for (std::size_t c = 0; c < paid.size(); ++c) paid_total += paid[c], organic_total += organic_money[c];
  CandidateSplit more = split;
  more.budget_scale = (spent + extra) / budget;
  const double total = paid_total + organic_total;
  more.organic_share = total > 0.0 ? organic_total / total : split.organic_share;
  for (std::size_t c = 0; c < paid.size(); ++c) {
    more.paid_shares[c] = paid_total > 0.0 ? paid[c] / paid_total : 0.0;
    more.organic_shares[c] = organic_total > 0.0 ? organic_money[c] / organic_total : 0.0;
  }
  return more;
}

std::vector<v1::MarginalReturn> marginal_returns(const SplitEvaluator& evaluator, const CandidateSplit& split,
                                                 double* step_used) {
  const auto& scenario = evaluator.scenario();
  const double budget = scenario.budget().total();
  const double step = 0.01 * budget * split.budget_scale;
  if (step_used) *step_used = step;
  const double base = evaluator.objective_kpi_mean(split);
  const auto team = resolve_team(scenario);
  // A fixed team's cost does not grow with money: no organic return to measure.
  const bool organic_side =
      !(team.present && team.fixed) && bound_max(scenario.search().organic_share()) > 0.0;
  std::vector<v1::MarginalReturn> returns;
  for (std::size_t c = 0; c < split.paid_shares.size(); ++c) {
    const auto& channel = scenario.channels(static_cast<int>(c));
    v1::MarginalReturn r;
    r.set_channel(channel.name());
    const double per_1000 = 1000.0 / step;
    r.set_paid((evaluator.objective_kpi_mean(with_extra_money(split, budget, c, false, step)) - base) *
               per_1000);
    const bool organic = organic_side && bound_max(channel.organic_share()) > 0.0;
    r.set_organic_possible(organic);
    if (organic) {
      r.set_organic((evaluator.objective_kpi_mean(with_extra_money(split, budget, c, true, step)) - base) *
                    per_1000);
    }
    returns.push_back(std::move(r));
  }
  return returns;
}

}  // namespace splitsim
