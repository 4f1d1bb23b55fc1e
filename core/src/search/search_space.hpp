// The continuous space the optimizer searches, and its decoding into splits that keep the scenario's bounds.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"

namespace splitsim {

// Coordinates, each in [0, 1]: the spent share of an "up to" budget, the organic share, the paid shares
// (one fewer than the channels), the organic shares (likewise) and the paced segments' shares (likewise);
// any of them is left out when it cannot vary. Every point decodes to a plan within the share bounds and,
// where the scenario allows one at its budget, within the money limits: a bound of the plan is a bound of the
// box (box_simplex.hpp), so the optimizer never proposes an impossible plan and sees no artificial kinks.
class SplitSpace {
 public:
  static constexpr std::size_t kAbsent = std::numeric_limits<std::size_t>::max();

  // `scale_min`..`scale_max`: the budget spent as a multiple of budget.total (1..1 for a fixed budget).
  SplitSpace(const ResolvedScenario& scenario, double scale_min, double scale_max);

  std::size_t dimensions() const { return dimensions_; }
  const std::vector<double>& lower() const { return lower_; }
  const std::vector<double>& upper() const { return upper_; }
  // The coordinate of the budget spent (kAbsent when it cannot vary).
  std::size_t scale_coordinate() const { return scale_at_; }

  struct Decoded {
    CandidateSplit split;
    // How much paid money (as a share of budget.total) the channels' money limits lack or cannot take at
    // this point's budget and organic share: 0 when they are kept. Continuous, so a search can follow it.
    double money_excess = 0.0;
  };
  Decoded decode(const std::vector<double>& x) const;

  // A point that decodes to `split` (to its nearest plan within the bounds, when it is outside them).
  std::vector<double> encode(const CandidateSplit& split) const;

  // A spread of starting points: the centre, each channel favoured in turn on either side, the organic
  // share at the ends of its range, half an "up to" budget; then, when at most `grid_points` of them cover
  // the space, a coarse grid (3 or 2 levels of every coordinate). No two are the same.
  std::vector<std::vector<double>> starting_points(std::size_t grid_points) const;

 private:
  // The organic share's range at a budget, narrowed to where the paid money limits can be kept; `excess`
  // receives how far they are from it when they cannot (the range is then the share bounds' nearest end).
  struct Range {
    double low, high;
  };
  Range organic_range(double spent, double& excess) const;
  double scale_at(const std::vector<double>& x) const;
  // The paid shares' bounds at paid money `paid`: the share bounds tightened by the money limits.
  void paid_bounds(double paid, bool keep_money, std::vector<double>& lo, std::vector<double>& hi) const;
  std::vector<double> segment_shares_to_pacing(const std::vector<double>& segments) const;
  std::vector<double> segment_shares(const std::vector<double>& pacing) const;  // empty pacing: even
  // `x` with its channel shares moved to the nearest plan to `paid` (and `organic`) shares; empty: kept.
  std::vector<double> favouring(std::vector<double> x, const std::vector<double>& paid,
                                const std::vector<double>& organic) const;

  const ResolvedScenario& scenario_;
  std::size_t channels_ = 0, periods_ = 0, segments_ = 0, dimensions_ = 0;
  double scale_min_, scale_max_;
  double organic_min_ = 0.0, organic_max_ = 0.0;
  double fixed_team_cost_ = -1.0;  // >= 0: a fixed team, whose cost sets the organic share
  bool paid_possible_ = true, organic_possible_ = true;
  // The paid money for which some paid shares keep every channel's bounds and money limits.
  double paid_money_low_ = 0.0, paid_money_high_ = std::numeric_limits<double>::infinity();
  std::vector<double> paid_lo_, paid_hi_, organic_lo_, organic_hi_;
  // Coordinate offsets (kAbsent when absent).
  std::size_t scale_at_ = kAbsent, organic_at_ = kAbsent, paid_at_ = kAbsent, organic_shares_at_ = kAbsent,
              segments_at_ = kAbsent;
  std::vector<double> lower_, upper_;
};

}  // namespace splitsim
