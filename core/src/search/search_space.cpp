#include "search/search_space.hpp"

#include <algorithm>
#include <cmath>

#include "scenario/allocation.hpp"
#include "search/box_simplex.hpp"
#include "search/min_paid.hpp"

namespace splitsim {
namespace {

// The point where a falling function `f` of money crosses one, by bisection between `low` (f >= 1) and a
// `high` doubled until f < 1; infinity when it never does.
template <typename F>
double crossing(F f, double low, double high) {
  for (int i = 0; i < 200 && f(high) >= 1.0; ++i) high *= 2.0;
  if (f(high) >= 1.0) return std::numeric_limits<double>::infinity();
  for (int i = 0; i < 200 && high - low > 1e-12 * high; ++i) {
    const double mid = 0.5 * (low + high);
    (f(mid) >= 1.0 ? low : high) = mid;
  }
  return 0.5 * (low + high);
}

}  // namespace

SplitSpace::SplitSpace(const ResolvedScenario& scenario, double scale_min, double scale_max)
    : scenario_(scenario),
      channels_(scenario.channels.size()),
      periods_(scenario.periods),
      segments_(scenario.pacing_segments),
      scale_min_(scale_min),
      scale_max_(scale_max) {
  organic_min_ = scenario.organic_share.min;
  organic_max_ = scenario.organic_share.max;
  if (scenario.fixed_team()) fixed_team_cost_ = scenario.fixed_team_cost();
  double money_floor = 0.0;
  for (const auto& channel : scenario.channels) {
    paid_lo_.push_back(channel.paid_share.min);
    paid_hi_.push_back(channel.paid_share.max);
    organic_lo_.push_back(channel.organic_share.min);
    organic_hi_.push_back(channel.organic_share.max);
    money_floor = std::max(money_floor, channel.paid_money_min);
  }
  // Paid money P keeps the limits when the tightened bounds leave room: sum max(lo, min / P) <= 1 (true from
  // some P up) and sum min(hi, max / P) >= 1 (true up to some P). Both sums fall as P grows.
  const auto lows = [this](double paid) {
    double sum = 0.0;
    for (std::size_t c = 0; c < channels_; ++c)
      sum += std::max(paid_lo_[c], scenario_.channels[c].paid_money_min / paid);
    return sum;
  };
  const auto highs = [this](double paid) {
    double sum = 0.0;
    for (std::size_t c = 0; c < channels_; ++c)
      sum += std::min(paid_hi_[c], scenario_.channels[c].paid_money_max / paid);
    return sum;
  };
  if (money_floor > 0.0) {
    // lows(P) > 1 below the least paid money that keeps the minimums (a step: where it falls to one).
    paid_money_low_ = crossing([&](double p) { return lows(p) > 1.0 + 1e-12 ? 2.0 : 0.0; }, 0.0, money_floor);
  }
  paid_money_high_ = crossing(highs, 0.0, std::max(1.0, scenario.budget));

  // The money spent for which some organic share leaves paid money in that range: the spent share's range is
  // narrowed to it, so that every point keeps the money limits (unless no budget in range can).
  double spent_low = 0.0, spent_high = std::numeric_limits<double>::infinity();
  if (fixed_team_cost_ >= 0.0) {
    if (paid_money_low_ > 0.0) spent_low = fixed_team_cost_ + paid_money_low_;
    spent_high = fixed_team_cost_ + paid_money_high_;
  } else {
    if (paid_money_low_ > 0.0) {
      spent_low = organic_min_ < 1.0 ? paid_money_low_ / (1.0 - organic_min_) : spent_high;
    }
    if (organic_max_ < 1.0) spent_high = paid_money_high_ / (1.0 - organic_max_);
  }
  const double low = std::max(scale_min_, spent_low / scenario.budget),
               high = std::min(scale_max_, spent_high / scenario.budget);
  if (low <= high) scale_min_ = low, scale_max_ = high;

  const double organic_high = fixed_team_cost_ >= 0.0
                                  ? std::min(1.0, fixed_team_cost_ / (scenario.budget * scale_min_))
                                  : organic_max_;
  const double organic_low = fixed_team_cost_ >= 0.0
                                 ? std::min(1.0, fixed_team_cost_ / (scenario.budget * scale_max_))
                                 : organic_min_;
  paid_possible_ = organic_low < 1.0;
  organic_possible_ = organic_high > 0.0;

  std::size_t next = 0;
  const auto add = [&next](std::size_t count) {
    const std::size_t at = next;
    next += count;
    return at;
  };
  if (scale_max_ > scale_min_) scale_at_ = add(1);
  if (fixed_team_cost_ < 0.0 && organic_max_ > organic_min_) organic_at_ = add(1);
  if (paid_possible_ && channels_ > 1) paid_at_ = add(channels_ - 1);
  if (organic_possible_ && channels_ > 1) organic_shares_at_ = add(channels_ - 1);
  if (segments_ > 1 && paid_possible_) segments_at_ = add(segments_ - 1);
  dimensions_ = next;
  lower_.assign(dimensions_, 0.0);
  upper_.assign(dimensions_, 1.0);
}

double SplitSpace::scale_at(const std::vector<double>& x) const {
  if (scale_at_ == kAbsent) return scale_max_;
  return scale_min_ + std::clamp(x[scale_at_], 0.0, 1.0) * (scale_max_ - scale_min_);
}

SplitSpace::Range SplitSpace::organic_range(double spent, double& excess) const {
  excess = 0.0;
  // Organic share o leaves paid money (1 - o) spent, which must lie in [paid_money_low_, paid_money_high_].
  const double low = std::max(organic_min_, 1.0 - paid_money_high_ / spent);
  const double high = std::min(organic_max_, 1.0 - paid_money_low_ / spent);
  if (low <= high) return {low, high};
  // No organic share keeps them: the share bound nearest to doing so, and the money missing or in excess.
  const double nearest = high < organic_min_ ? organic_min_ : organic_max_;
  const double paid = (1.0 - nearest) * spent;
  excess = std::max(paid_money_low_ - paid, paid - paid_money_high_) / scenario_.budget;
  return {nearest, nearest};
}

void SplitSpace::paid_bounds(double paid, bool keep_money, std::vector<double>& lo,
                             std::vector<double>& hi) const {
  lo = paid_lo_;
  hi = paid_hi_;
  if (!keep_money || paid <= 0.0) return;
  double sum_lo = 0.0, sum_hi = 0.0;
  for (std::size_t c = 0; c < channels_; ++c) {
    lo[c] = std::min(std::max(paid_lo_[c], scenario_.channels[c].paid_money_min / paid), paid_hi_[c]);
    hi[c] = std::max(std::min(paid_hi_[c], scenario_.channels[c].paid_money_max / paid), lo[c]);
    sum_lo += lo[c], sum_hi += hi[c];
  }
  // At the ends of the paid money's range the bounds meet one only to rounding: close the gap.
  if (sum_lo > 1.0) {
    for (auto& v : lo) v /= sum_lo;
  }
  if (sum_hi < 1.0) {
    for (std::size_t c = 0; c < channels_; ++c) hi[c] = std::min(1.0, hi[c] / sum_hi);
  }
}

std::vector<double> SplitSpace::segment_shares_to_pacing(const std::vector<double>& segments) const {
  std::vector<double> pacing(periods_);
  for (std::size_t k = 0; k < segments_; ++k) {
    // Segment k covers periods [k T / K, (k + 1) T / K): equal lengths up to rounding.
    const std::size_t begin = k * periods_ / segments_, end = (k + 1) * periods_ / segments_;
    for (std::size_t t = begin; t < end; ++t) pacing[t] = segments[k] / static_cast<double>(end - begin);
  }
  return pacing;
}

std::vector<double> SplitSpace::segment_shares(const std::vector<double>& pacing) const {
  std::vector<double> shares(segments_, 0.0);
  for (std::size_t k = 0; k < segments_; ++k) {
    const std::size_t begin = k * periods_ / segments_, end = (k + 1) * periods_ / segments_;
    for (std::size_t t = begin; t < end; ++t) {
      shares[k] += pacing.empty() ? 1.0 / static_cast<double>(periods_) : pacing[t];
    }
  }
  return shares;
}

SplitSpace::Decoded SplitSpace::decode(const std::vector<double>& x) const {
  Decoded d;
  auto& split = d.split;
  split.budget_scale = scale_at(x);
  const double spent = scenario_.budget * split.budget_scale;
  if (fixed_team_cost_ >= 0.0) {
    split.organic_share = std::min(1.0, fixed_team_cost_ / spent);
    const double paid = (1.0 - split.organic_share) * spent;
    if (paid_possible_ && split.organic_share < 1.0) {
      d.money_excess = std::max({0.0, paid_money_low_ - paid, paid - paid_money_high_}) / scenario_.budget;
    }
  } else {
    const Range range = organic_range(spent, d.money_excess);
    const double u = organic_at_ != kAbsent ? std::clamp(x[organic_at_], 0.0, 1.0) : 0.0;
    split.organic_share = range.low + u * (range.high - range.low);
  }

  split.paid_shares.assign(channels_, 0.0);
  if (paid_possible_ && split.organic_share < 1.0) {
    std::vector<double> lo, hi;
    paid_bounds(paid_money(scenario_, split), d.money_excess == 0.0, lo, hi);
    if (paid_at_ != kAbsent) {
      shares_from_unit_box(&x[paid_at_], lo.data(), hi.data(), channels_, split.paid_shares.data());
    } else {
      split.paid_shares[0] = 1.0;
    }
    // Minimum viable spend: each channel off or at least its min_paid (left as is when that cannot be kept;
    // the run then marks the plan as breaking it).
    keep_min_paid(scenario_, paid_money(scenario_, split), lo, hi, split.paid_shares);
  }
  split.organic_shares.assign(channels_, 0.0);
  if (organic_possible_ && split.organic_share > 0.0) {
    if (organic_shares_at_ != kAbsent) {
      shares_from_unit_box(&x[organic_shares_at_], organic_lo_.data(), organic_hi_.data(), channels_,
                           split.organic_shares.data());
    } else {
      split.organic_shares[0] = 1.0;
    }
  }
  if (segments_at_ != kAbsent) {
    std::vector<double> shares(segments_), lo(segments_, 0.0), hi(segments_, 1.0);
    shares_from_unit_box(&x[segments_at_], lo.data(), hi.data(), segments_, shares.data());
    split.paid_pacing = segment_shares_to_pacing(shares);
  }
  return d;
}

std::vector<double> SplitSpace::encode(const CandidateSplit& split) const {
  std::vector<double> x(dimensions_, 0.5);
  if (scale_at_ != kAbsent) {
    x[scale_at_] = std::clamp((split.budget_scale - scale_min_) / (scale_max_ - scale_min_), 0.0, 1.0);
  }
  if (organic_at_ != kAbsent) {
    double excess = 0.0;
    const Range range = organic_range(scenario_.budget * scale_at(x), excess);
    x[organic_at_] = range.high > range.low
                         ? std::clamp((split.organic_share - range.low) / (range.high - range.low), 0.0, 1.0)
                         : 0.5;
  }
  // The shares, first brought within the bounds that hold at this point (the nearest plan that keeps them).
  const auto put = [this, &x](std::size_t at, const std::vector<double>& shares,
                              const std::vector<double>& lo, const std::vector<double>& hi) {
    if (at == kAbsent) return;
    std::vector<double> within(channels_);
    if (!project_to_box_simplex(shares.data(), lo.data(), hi.data(), channels_, within.data())) return;
    unit_box_from_shares(within.data(), lo.data(), hi.data(), channels_, &x[at]);
  };
  if (paid_at_ != kAbsent) {
    const Decoded here = decode(x);  // this point's budget and organic share
    std::vector<double> lo, hi;
    paid_bounds(paid_money(scenario_, here.split), here.money_excess == 0.0, lo, hi);
    put(paid_at_, split.paid_shares, lo, hi);
  }
  put(organic_shares_at_, split.organic_shares, organic_lo_, organic_hi_);
  if (segments_at_ != kAbsent) {
    const auto shares = segment_shares(split.paid_pacing.empty() ? scenario_.paid_pacing : split.paid_pacing);
    const std::vector<double> lo(segments_, 0.0), hi(segments_, 1.0);
    unit_box_from_shares(shares.data(), lo.data(), hi.data(), segments_, &x[segments_at_]);
  }
  return x;
}

std::vector<double> SplitSpace::favouring(std::vector<double> x, const std::vector<double>& paid,
                                          const std::vector<double>& organic) const {
  auto split = decode(x).split;
  if (!paid.empty()) split.paid_shares = paid;
  if (!organic.empty()) split.organic_shares = organic;
  return encode(split);
}

std::vector<std::vector<double>> SplitSpace::starting_points(std::size_t grid_points) const {
  // The centre: the whole budget, the organic share in the middle of its range, equal channel shares, the
  // scenario's own pacing.
  std::vector<double> centre(dimensions_, 0.5);
  if (scale_at_ != kAbsent) centre[scale_at_] = 1.0;
  const std::vector<double> equal(channels_, 1.0 / static_cast<double>(channels_));
  CandidateSplit shape = decode(centre).split;
  shape.paid_shares = shape.organic_shares = equal;
  shape.paid_pacing.clear();
  centre = encode(shape);

  std::vector<std::vector<double>> points{centre};
  // Each channel favoured in turn, on the paid and on the organic side.
  for (std::size_t c = 0; c < channels_ && channels_ > 1; ++c) {
    std::vector<double> only(channels_, 0.0);
    only[c] = 1.0;
    if (paid_at_ != kAbsent) points.push_back(favouring(centre, only, {}));
    if (organic_shares_at_ != kAbsent) points.push_back(favouring(centre, {}, only));
  }
  // With minimum viable spends, each such channel switched off in turn: on and off are far apart in the
  // decoded space, so a local search from one side may never try the other.
  for (std::size_t c = 0; c < channels_ && paid_at_ != kAbsent; ++c) {
    if (scenario_.channels[c].min_paid <= 0.0 || paid_lo_[c] > 0.0) continue;
    std::vector<double> without(channels_, 1.0 / static_cast<double>(channels_ - 1));
    without[c] = 0.0;
    points.push_back(favouring(centre, without, {}));
  }
  // The organic share at either end of its range (all paid / as organic as allowed).
  if (organic_at_ != kAbsent) {
    for (const double end : {0.0, 1.0}) {
      auto x = centre;
      x[organic_at_] = end;
      points.push_back(std::move(x));
    }
  }
  // Half the budget, for an "up to" budget.
  if (scale_at_ != kAbsent) {
    auto x = centre;
    x[scale_at_] = 0.5;
    points.push_back(std::move(x));
  }
  // A coarse grid, when small enough: the centres of 3 (or 2) equal cells of every coordinate.
  for (const std::size_t levels : {3, 2}) {
    const double count = std::pow(static_cast<double>(levels), static_cast<double>(dimensions_));
    if (dimensions_ == 0 || count > static_cast<double>(grid_points)) continue;
    std::vector<std::size_t> at(dimensions_, 0);
    for (std::size_t n = 0; n < static_cast<std::size_t>(count); ++n) {
      std::vector<double> x(dimensions_);
      for (std::size_t i = 0; i < dimensions_; ++i)
        x[i] = (static_cast<double>(at[i]) + 0.5) / static_cast<double>(levels);
      points.push_back(std::move(x));
      for (std::size_t i = 0; i < dimensions_ && ++at[i] == levels; ++i) at[i] = 0;
    }
    break;
  }
  std::vector<std::vector<double>> distinct;
  for (auto& x : points) {
    if (std::find(distinct.begin(), distinct.end(), x) == distinct.end()) distinct.push_back(std::move(x));
  }
  return distinct;
}

}  // namespace splitsim
