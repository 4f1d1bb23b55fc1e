// Simulates splits on an engine's trials and judges them against the scenario's objective and limits.
#pragma once

#include <tbb/parallel_for.h>

#include <vector>

#include "engine/engine.hpp"
#include "engine/trial_kpis_pool.hpp"
#include "results.pb.h"
#include "scenario/split.hpp"
#include "search/candidate_statistics.hpp"
#include "search/channel_summary_cache.hpp"

namespace splitsim {

// What a search steers by besides the candidate's figures, read from the objective KPI's per-trial values.
struct SearchFigures {
  // The objective's figure made continuous in the plan: for PROB_TARGET the interpolated probability
  // (objective.hpp), otherwise the candidate's objective figure itself.
  double steering_value = 0.0;
  // The value the objective KPI reaches in min_probability of the trials (MIN_COST_FOR_TARGET; else 0).
  double reached = 0.0;
};

class SplitEvaluator {
 public:
  explicit SplitEvaluator(const Engine& engine)
      : engine_(engine), steering_(steering_kpis(engine.scenario())) {}

  // The candidate's KPI summaries, objective figure, and the money limit or constraint it breaks; with
  // `figures`, also what a search steers by.
  v1::Candidate evaluate(const CandidateSplit& split, SearchFigures* figures = nullptr) const;

  // A step of a search: the same objective figure, steering figures, constraint figures and infeasibility
  // as evaluate(), from the summaries of the steering KPIs' totals alone (summarize_steering_trials); the
  // candidate's other summaries are empty. For ranking steps, never for reporting a candidate.
  v1::Candidate steer(const CandidateSplit& split, SearchFigures& figures) const;

  // Every split's candidate, in order (parallel over splits and within each over blocks of trials).
  std::vector<v1::Candidate> evaluate_all(const std::vector<CandidateSplit>& splits) const;

  // fn(i) for i in [0, count), each simulating splits on this evaluator: in parallel, or in turn when the
  // engine spreads each split's trials over processes, which must simulate them in one order
  // (Engine::spread_trials_over).
  template <typename Fn>
  void for_each_split(std::size_t count, Fn&& fn) const {
    if (engine_.trial_group()) {
      for (std::size_t i = 0; i < count; ++i) fn(i);
    } else {
      tbb::parallel_for(std::size_t{0}, count, fn);
    }
  }

  // Per-trial values of what the objective ranks by: its KPI, or the total cost for MIN_COST_FOR_TARGET.
  std::vector<double> objective_kpi_per_trial(const CandidateSplit& split) const;

  // The mean of the objective's KPI over the trials.
  double objective_kpi_mean(const CandidateSplit& split) const;

  const ResolvedScenario& scenario() const { return engine_.scenario(); }

 private:
  v1::Candidate candidate_of(const CandidateSplit& split, SearchFigures* figures, bool steering_only) const;
  // summarize_trials, taking a channel's summaries from an earlier split with the same channel outcome.
  CandidateOutcome summarize_with_known_channels(const TrialKpis& kpis) const;

  const Engine& engine_;
  const KpiMask steering_;  // the totals a step reads: all an engine spread over processes exchanges for it
  mutable TrialKpisPool pool_;  // each evaluation's per-trial KPIs, reused by the next
  // Channels' summaries by the engine's outcome ids, when it reuses outcomes.
  mutable ChannelSummaryCache channel_summaries_{kKeptChannelSummaries};
};

}  // namespace splitsim
