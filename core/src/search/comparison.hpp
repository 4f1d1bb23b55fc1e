// Is the winner really better? A paired comparison of two splits on the same trials.
#pragma once

#include <cstdint>

#include "results.pb.h"
#include "search/split_evaluator.hpp"

namespace splitsim {

// The recommended split against `other` (candidate `other_index`), trial by trial on the evaluator's trials:
// the mean difference of the objective's figure per trial (recommended minus other) with its 95% confidence
// interval (normal approximation over the paired differences; trials where either side is not finite are
// left out), and the share of trials in which the recommended plan does better (ties count half).
v1::Comparison compare_splits(const SplitEvaluator& evaluator,
                              const std::vector<double>& recommended_per_trial, const CandidateSplit& other,
                              std::uint32_t other_index);

}  // namespace splitsim
