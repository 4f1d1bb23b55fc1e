// Which candidate is better: the one ordering used to recommend, to pick runner-ups and to list candidates.
#pragma once

#include <google/protobuf/repeated_ptr_field.h>

#include <vector>

#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"
#include "search/candidate_source.hpp"

namespace splitsim {

using Candidates = google::protobuf::RepeatedPtrField<v1::Candidate>;

// Whether candidate a beats b: a better objective figure, or on a tie (common for probabilities over a
// finite number of trials) the better mean of the objective KPI (the ratio of means for a ratio KPI).
// Feasibility is not considered here.
bool better(const RankKey& a, const RankKey& b, const Objective& objective);
bool better(const v1::Candidate& a, const v1::Candidate& b, const Objective& objective);

// Position of the best candidate that meets the constraints (the lowest position among equals, so the
// choice is deterministic), leaving out `excluded`; -1 when none does.
int best_feasible(const CandidateSource& candidates, const Objective& objective, int excluded = -1);
int best_feasible(const Candidates& candidates, const Objective& objective, int excluded = -1);

// Positions best first: candidates meeting the constraints before those breaking one, each group by
// better() (equals keep their order). With `feasible_only`, candidates breaking a constraint are left out.
std::vector<int> ranked_positions(const CandidateSource& candidates, const Objective& objective,
                                  bool feasible_only = false);
std::vector<int> ranked_positions(const Candidates& candidates, const Objective& objective,
                                  bool feasible_only = false);

}  // namespace splitsim
