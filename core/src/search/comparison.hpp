// Is the winner really better? A paired comparison of two splits on the same trials.
#pragma once

#include <cstdint>
#include <string>

#include "results.pb.h"
#include "search/split_evaluator.hpp"

namespace splitsim {

// The recommended split against `other` (candidate `other_index`), trial by trial on the evaluator's trials:
// the mean difference of the objective's figure per trial (recommended minus other) with its 95% confidence
// interval (normal approximation over the paired differences; trials where either side is not finite are
// left out), and the share of trials in which the recommended plan does better (ties count half). For a
// risk objective (P5, P10, P50, P90, P95, PROB_TARGET, MEAN_MINUS_SD), also the difference in that
// statistic with a 95% paired bootstrap interval, its resamples addressed by (seed, other_index, replicate).
v1::Comparison compare_splits(const SplitEvaluator& evaluator,
                              const std::vector<double>& recommended_per_trial, const CandidateSplit& other,
                              std::uint32_t other_index);

// The comparison in plain words, on the objective's own statistic first, with the mean difference and the
// share of trials won beside it; says so when the recommendation wins on the objective but loses on the
// mean or in most trials, and when the interval includes zero.
std::string describe_comparison(const v1::Comparison& comparison, const v1::Objective& objective);

}  // namespace splitsim
