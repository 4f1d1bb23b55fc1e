#include "search/search_space.hpp"

#include <algorithm>
#include <limits>

#include "scenario/allocation.hpp"
#include "search/box_simplex.hpp"

namespace splitsim {
namespace {

constexpr std::size_t kAbsent = std::numeric_limits<std::size_t>::max();

}  // namespace

SplitSpace::SplitSpace(const ResolvedScenario& scenario, double scale_min, double scale_max)
    : scenario_(scenario),
      channels_(scenario.channels.size()),
      periods_(scenario.periods),
      scale_min_(scale_min),
      scale_max_(scale_max),
      segments_(scenario.pacing_segments),
      scale_at_(kAbsent),
      organic_at_(kAbsent),
      paid_at_(kAbsent),
      organic_shares_at_(kAbsent),
      segments_at_(kAbsent) {
  organic_min_ = scenario.organic_share.min;
  organic_max_ = scenario.organic_share.max;
  if (scenario.fixed_team()) fixed_team_cost_ = scenario.fixed_team_cost();
  for (const auto& channel : scenario.channels) {
    paid_lo_.push_back(channel.paid_share.min);
    paid_hi_.push_back(channel.paid_share.max);
    organic_lo_.push_back(channel.organic_share.min);
    organic_hi_.push_back(channel.organic_share.max);
  }
  const double organic_high = fixed_team_cost_ >= 0.0 ? team_organic_share(scale_min_) : organic_max_;
  const double organic_low = fixed_team_cost_ >= 0.0 ? team_organic_share(scale_max_) : organic_min_;
  paid_possible_ = organic_low < 1.0;
  organic_possible_ = organic_high > 0.0;

  const auto add = [this](double lo, double hi) {
    lower_.push_back(lo);
    upper_.push_back(hi);
    return lower_.size() - 1;
  };
  if (scale_max_ > scale_min_) scale_at_ = add(scale_min_, scale_max_);
  if (fixed_team_cost_ < 0.0 && organic_max_ > organic_min_) organic_at_ = add(organic_min_, organic_max_);
  if (paid_possible_ && channels_ > 1) {
    paid_at_ = lower_.size();
    for (std::size_t c = 0; c < channels_; ++c) add(paid_lo_[c], paid_hi_[c]);
  }
  if (organic_possible_ && channels_ > 1) {
    organic_shares_at_ = lower_.size();
    for (std::size_t c = 0; c < channels_; ++c) add(organic_lo_[c], organic_hi_[c]);
  }
  if (segments_ > 1 && paid_possible_) {
    segments_at_ = lower_.size();
    for (std::size_t k = 0; k < segments_; ++k) add(0.0, 1.0);
  }
}

double SplitSpace::team_organic_share(double scale) const {
  return std::min(1.0, fixed_team_cost_ / (scenario_.budget * scale));
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
  const auto take = [&](std::size_t at, double lo, double hi) {
    const double value = std::clamp(x[at], lo, hi);
    d.distance2 += (x[at] - value) * (x[at] - value);
    return value;
  };
  split.budget_scale = scale_at_ != kAbsent ? take(scale_at_, scale_min_, scale_max_) : scale_max_;
  if (fixed_team_cost_ >= 0.0) {
    split.organic_share = team_organic_share(split.budget_scale);
  } else {
    split.organic_share =
        organic_at_ != kAbsent ? take(organic_at_, organic_min_, organic_max_) : organic_min_;
  }

  // Paid shares: the share bounds tightened by the money limits at this paid budget.
  split.paid_shares.assign(channels_, 0.0);
  if (paid_possible_ && split.organic_share < 1.0) {
    const double paid = paid_money(scenario_, split);
    std::vector<double> lo(channels_), hi(channels_);
    for (std::size_t c = 0; c < channels_; ++c) {
      lo[c] = std::max(paid_lo_[c], scenario_.channels[c].paid_money_min / paid);
      hi[c] = std::min(paid_hi_[c], scenario_.channels[c].paid_money_max / paid);
      if (lo[c] > hi[c]) d.feasible = false;
    }
    std::vector<double> point(channels_, 1.0);
    if (paid_at_ != kAbsent) point.assign(x.begin() + paid_at_, x.begin() + paid_at_ + channels_);
    if (!d.feasible ||
        !project_to_box_simplex(point.data(), lo.data(), hi.data(), channels_, split.paid_shares.data())) {
      // The money limits cannot be met here: fall back to the share bounds alone, and say so.
      d.feasible = false;
      project_to_box_simplex(point.data(), paid_lo_.data(), paid_hi_.data(), channels_,
                             split.paid_shares.data());
    }
    if (paid_at_ != kAbsent) {
      for (std::size_t c = 0; c < channels_; ++c) {
        d.distance2 += (point[c] - split.paid_shares[c]) * (point[c] - split.paid_shares[c]);
      }
    }
  }

  split.organic_shares.assign(channels_, 0.0);
  if (organic_possible_ && split.organic_share > 0.0) {
    std::vector<double> point(channels_, 1.0);
    if (organic_shares_at_ != kAbsent) {
      point.assign(x.begin() + organic_shares_at_, x.begin() + organic_shares_at_ + channels_);
    }
    project_to_box_simplex(point.data(), organic_lo_.data(), organic_hi_.data(), channels_,
                           split.organic_shares.data());
    if (organic_shares_at_ != kAbsent) {
      for (std::size_t c = 0; c < channels_; ++c) {
        d.distance2 += (point[c] - split.organic_shares[c]) * (point[c] - split.organic_shares[c]);
      }
    }
  }

  if (segments_at_ != kAbsent) {
    std::vector<double> point(x.begin() + segments_at_, x.begin() + segments_at_ + segments_);
    std::vector<double> shares(segments_), lo(segments_, 0.0), hi(segments_, 1.0);
    project_to_box_simplex(point.data(), lo.data(), hi.data(), segments_, shares.data());
    for (std::size_t k = 0; k < segments_; ++k)
      d.distance2 += (point[k] - shares[k]) * (point[k] - shares[k]);
    split.paid_pacing = segment_shares_to_pacing(shares);
  }
  return d;
}

std::vector<double> SplitSpace::encode(const CandidateSplit& split) const {
  std::vector<double> x(dimensions());
  if (scale_at_ != kAbsent) x[scale_at_] = split.budget_scale;
  if (organic_at_ != kAbsent) x[organic_at_] = split.organic_share;
  for (std::size_t c = 0; c < channels_; ++c) {
    if (paid_at_ != kAbsent) x[paid_at_ + c] = split.paid_shares[c];
    if (organic_shares_at_ != kAbsent) x[organic_shares_at_ + c] = split.organic_shares[c];
  }
  if (segments_at_ != kAbsent) {
    const auto shares = segment_shares(split.paid_pacing.empty() ? scenario_.paid_pacing : split.paid_pacing);
    for (std::size_t k = 0; k < segments_; ++k) x[segments_at_ + k] = shares[k];
  }
  return x;
}

std::vector<std::vector<double>> SplitSpace::starting_points() const {
  // The centre: equal channel shares, the organic share in the middle of its range, the whole budget.
  std::vector<double> centre(dimensions());
  for (std::size_t i = 0; i < dimensions(); ++i) centre[i] = 0.5 * (lower_[i] + upper_[i]);
  if (scale_at_ != kAbsent) centre[scale_at_] = scale_max_;
  const auto equal = [this](std::size_t at, std::vector<double>& x) {
    for (std::size_t c = 0; c < channels_; ++c) x[at + c] = 1.0 / static_cast<double>(channels_);
  };
  if (paid_at_ != kAbsent) equal(paid_at_, centre);
  if (organic_shares_at_ != kAbsent) equal(organic_shares_at_, centre);
  if (segments_at_ != kAbsent) {
    const auto shares = segment_shares(scenario_.paid_pacing);  // the scenario's own shape, by segment
    for (std::size_t k = 0; k < segments_; ++k) centre[segments_at_ + k] = shares[k];
  }
  std::vector<std::vector<double>> points{centre};
  // Each channel favoured in turn, on the paid and on the organic side.
  for (const std::size_t at : {paid_at_, organic_shares_at_}) {
    if (at == kAbsent) continue;
    for (std::size_t c = 0; c < channels_; ++c) {
      auto x = centre;
      for (std::size_t j = 0; j < channels_; ++j) x[at + j] = j == c ? 1.0 : 0.0;
      points.push_back(std::move(x));
    }
  }
  // The organic share at either end (all paid / as organic as allowed).
  if (organic_at_ != kAbsent) {
    for (const double end : {organic_min_, organic_max_}) {
      auto x = centre;
      x[organic_at_] = end;
      points.push_back(std::move(x));
    }
  }
  // Half the budget, for an "up to" budget.
  if (scale_at_ != kAbsent) {
    auto x = centre;
    x[scale_at_] = 0.5 * (scale_min_ + scale_max_);
    points.push_back(std::move(x));
  }
  // Every point as its own projection: starting points are feasible plans.
  for (auto& x : points) x = encode(decode(x).split);
  return points;
}

}  // namespace splitsim
