// The candidates of a run wherever they are kept: as results messages (a results file read back) or
// written away as they are simulated (a large grid, core/src/output/candidate_spool.hpp). What ranks them
// is kept beside each in memory, so ordering never has to read a whole candidate back.
#pragma once

#include <google/protobuf/repeated_ptr_field.h>

#include <cstddef>
#include <string>
#include <utility>

#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"

namespace splitsim {

// All that ranking reads of a candidate (search/ranking.hpp).
struct RankKey {
  double objective_value = 0.0;
  double headline_mean = 0.0;  // the objective KPI's mean as the headline reads it, for ties
  bool feasible = true;        // meets the scenario's constraints and money limits
};

// What ranks `candidate` under `objective`: better(rank_key(a), rank_key(b)) is better(a, b).
RankKey rank_key(const v1::Candidate& candidate, const Objective& objective);

class CandidateSource {
 public:
  virtual ~CandidateSource() = default;
  virtual std::size_t size() const = 0;
  // The candidate at `position` (its index in the results), whole.
  virtual v1::Candidate at(std::size_t position) const = 0;
  virtual RankKey key(std::size_t position) const = 0;
  // Its serialised bytes, as deterministic_bytes gives them: its part of a results file.
  virtual std::string bytes(std::size_t position) const;
};

// Candidates held as results messages, ranked by `objective`.
class CandidateMessages final : public CandidateSource {
 public:
  CandidateMessages(const google::protobuf::RepeatedPtrField<v1::Candidate>& candidates, Objective objective)
      : candidates_(candidates), objective_(std::move(objective)) {}
  std::size_t size() const override { return static_cast<std::size_t>(candidates_.size()); }
  v1::Candidate at(std::size_t position) const override { return candidates_[static_cast<int>(position)]; }
  RankKey key(std::size_t position) const override {
    return rank_key(candidates_[static_cast<int>(position)], objective_);
  }

 private:
  const google::protobuf::RepeatedPtrField<v1::Candidate>& candidates_;
  Objective objective_;
};

}  // namespace splitsim
