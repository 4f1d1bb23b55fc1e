// The terminal table: the run, the recommendation with its risk, and the best candidates.
#pragma once

#include <string>

#include "results.pb.h"
#include "search/candidate_source.hpp"

namespace splitsim {

// A readable report: the run, the recommendation with its risk, and the best `top` candidates.
std::string format_table(const v1::Results& results, int top = 10);
// The same for `results` with `candidates` as its candidates; only those printed are read.
std::string format_table(const v1::Results& results, const CandidateSource& candidates, int top = 10);

}  // namespace splitsim
