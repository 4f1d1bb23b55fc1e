// Simulates one split on a setup's trials and judges it against the scenario's objective and limits.
#pragma once

#include "engine/engine.hpp"
#include "results.pb.h"
#include "search/plan_bounds.hpp"

namespace splitsim {

class SplitEvaluator {
 public:
  SplitEvaluator(const v1::Scenario& scenario, const SimulationSetup& setup);

  // The candidate's KPI summaries, objective figure, and the money limit or constraint it breaks.
  v1::Candidate evaluate(const CandidateSplit& split) const;

  // Per-trial values of what the objective ranks by: its KPI, or the total cost for MIN_COST_FOR_TARGET.
  std::vector<double> objective_kpi_per_trial(const CandidateSplit& split) const;

  // The mean of the objective's KPI over the trials.
  double objective_kpi_mean(const CandidateSplit& split) const;

  const v1::Scenario& scenario() const { return scenario_; }
  const SimulationSetup& setup() const { return setup_; }

 private:
  const v1::Scenario& scenario_;
  const SimulationSetup& setup_;
  PaidMoneyBounds money_;
};

}  // namespace splitsim
