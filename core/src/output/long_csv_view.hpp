// The long CSV (`show --view long`): every summary of every candidate in one rectangular table.
#pragma once

#include <ostream>
#include <string>

#include "results.pb.h"
#include "search/candidate_source.hpp"

namespace splitsim {

// One row per candidate, scope (total or channel) and KPI, then the frontier, today's plan, the drivers and
// the marginal returns as rows of the same table; written a candidate at a time.
void write_long_csv(std::ostream& out, const v1::Results& results);
// The same for `results` with `candidates` as its candidates (those of `results` are left out).
void write_long_csv(std::ostream& out, const v1::Results& results, const CandidateSource& candidates);
std::string format_long_csv(const v1::Results& results);

}  // namespace splitsim
