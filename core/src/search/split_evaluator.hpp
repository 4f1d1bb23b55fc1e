// Simulates splits on an engine's trials and judges them against the scenario's objective and limits.
#pragma once

#include <vector>

#include "engine/engine.hpp"
#include "results.pb.h"
#include "scenario/split.hpp"

namespace splitsim {

class SplitEvaluator {
 public:
  explicit SplitEvaluator(const Engine& engine) : engine_(engine) {}

  // The candidate's KPI summaries, objective figure, and the money limit or constraint it breaks.
  v1::Candidate evaluate(const CandidateSplit& split) const;

  // Every split's candidate, in order (parallel over splits and within each over blocks of trials).
  std::vector<v1::Candidate> evaluate_all(const std::vector<CandidateSplit>& splits) const;

  // Per-trial values of what the objective ranks by: its KPI, or the total cost for MIN_COST_FOR_TARGET.
  std::vector<double> objective_kpi_per_trial(const CandidateSplit& split) const;

  // The mean of the objective's KPI over the trials.
  double objective_kpi_mean(const CandidateSplit& split) const;

  const ResolvedScenario& scenario() const { return engine_.scenario(); }

 private:
  const Engine& engine_;
};

}  // namespace splitsim
