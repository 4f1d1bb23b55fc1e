// How far to trust the recommendation: cautions in plain words, recorded with it.
#pragma once

#include <string>
#include <vector>

#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"
#include "search/candidate_source.hpp"

namespace splitsim {

// A flat optimum: the runner-up's trial-by-trial interval does not lie wholly on the recommendation's side
// of zero (the two are not told apart, or the winner was chosen by noise), and (for statistics in the KPI's
// units) how many candidates score within that interval's half-width of the best. Then, per channel taking at
// least a tenth of the money spent whose parameters are all the plugin's benchmark defaults (none set in the
// scenario, none calibrated): its share rests on assumptions. `results` must hold the recommendation and its
// runner-up comparisons; `candidates` are the run's.
std::vector<std::string> robustness_warnings(const v1::Results& results, const CandidateSource& candidates,
                                             const ResolvedScenario& scenario);

}  // namespace splitsim
