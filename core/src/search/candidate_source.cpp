#include "search/candidate_source.hpp"

#include "base/deterministic_bytes.hpp"
#include "search/objective.hpp"

namespace splitsim {

RankKey rank_key(const v1::Candidate& candidate, const Objective& objective) {
  // The expected value as the headline reads it: for a ratio KPI, the ratio of expected totals.
  return {candidate.objective_value(), headline_mean(find_kpi(candidate, objective.kpi)),
          candidate.infeasible().empty()};
}

std::string CandidateSource::bytes(std::size_t position) const { return deterministic_bytes(at(position)); }

}  // namespace splitsim
