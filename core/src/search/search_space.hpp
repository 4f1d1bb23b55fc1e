// The continuous space the optimizer searches, and its decoding into feasible splits.
#pragma once

#include <cstddef>
#include <vector>

#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"

namespace splitsim {

// Coordinates, each in a box: the spent share of an "up to" budget, the organic share, each channel's share
// of the paid and of the organic budget, and each paced segment's share of paid spend; any of them is left
// out when it cannot vary. decode() projects a point onto what the scenario allows (shares within bounds
// and money limits, summing to one), so the optimizer can never propose an impossible plan.
class SplitSpace {
 public:
  // `scale_min`..`scale_max`: the budget spent as a multiple of budget.total (1..1 for a fixed budget).
  SplitSpace(const ResolvedScenario& scenario, double scale_min, double scale_max);

  std::size_t dimensions() const { return lower_.size(); }
  const std::vector<double>& lower() const { return lower_; }
  const std::vector<double>& upper() const { return upper_; }

  struct Decoded {
    CandidateSplit split;
    double distance2 = 0.0;  // squared distance from the point to its projection
    bool feasible = true;    // false when the money limits cannot be met at this budget and organic share
  };
  Decoded decode(const std::vector<double>& x) const;

  // A point that decodes to `split` (when the split is feasible).
  std::vector<double> encode(const CandidateSplit& split) const;

  // A spread of starting points: the centre, each channel favoured in turn, the organic share at its ends.
  std::vector<std::vector<double>> starting_points() const;

 private:
  double team_organic_share(double scale) const;
  std::vector<double> segment_shares_to_pacing(const std::vector<double>& segments) const;
  std::vector<double> segment_shares(const std::vector<double>& pacing) const;  // empty pacing: even

  const ResolvedScenario& scenario_;
  std::size_t channels_ = 0, periods_ = 0;
  double scale_min_, scale_max_;
  double organic_min_ = 0.0, organic_max_ = 0.0;
  double fixed_team_cost_ = -1.0;  // >= 0: a fixed team, whose cost sets the organic share
  bool paid_possible_ = true, organic_possible_ = true;
  std::vector<double> paid_lo_, paid_hi_, organic_lo_, organic_hi_;
  std::size_t segments_ = 0;
  // Coordinate offsets (npos when absent).
  std::size_t scale_at_, organic_at_, paid_at_, organic_shares_at_, segments_at_;
  std::vector<double> lower_, upper_;
};

}  // namespace splitsim
