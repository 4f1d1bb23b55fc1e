#include "calibration/channel_likelihood.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace splitsim {

LiftPlans lift_plans(const LiftTest& test, int period_days) {
  const std::size_t periods = test.periods(period_days);
  LiftPlans plans;
  plans.scale = test.audience_share;
  // A cell on a share s of the market behaves as that share of a market spending spend / s.
  plans.with.spend.assign(periods, test.spend / test.audience_share / static_cast<double>(periods));
  plans.with.posts.assign(periods, 0.0);
  plans.without.spend.assign(periods, 0.0);
  plans.without.posts.assign(periods, 0.0);
  return plans;
}

ChannelLikelihood::ChannelLikelihood(const ResolvedChannel& channel, std::uint32_t channel_index,
                                     const ParameterSpace& space, const std::optional<PeriodHistory>& history,
                                     std::vector<LiftTest> lifts, const MeasurementErrors& errors,
                                     std::uint64_t key, int period_days, std::size_t replicates)
    : channel_(channel),
      channel_index_(channel_index),
      space_(space),
      lifts_(std::move(lifts)),
      key_(key),
      period_days_(static_cast<double>(period_days)),
      replicates_(std::max<std::size_t>(1, replicates)),
      max_periods_(1),
      workspaces_([this] {
        const std::size_t trials = std::max(replicates_, kPredictiveBlock);
        const std::size_t width = space_.parameters().size();
        return Workspace{PlanSimulator(trials, max_periods_, width),
                         PlanSimulator(trials, max_periods_, width), std::vector<double>(width),
                         std::vector<double>(trials)};
      }) {
  if (history) {
    has_history_ = true;
    history_likelihood_.emplace(*history, errors);
    history_plan_ = {history->spend, history->posts};
    ads_only_plan_ = {history->spend, std::vector<double>(history->periods, 0.0)};
    for (const Metric m : history_likelihood_->metrics())
      needs_ads_only_ = needs_ads_only_ || counts_ads_only(m);
    needs_ads_only_ = needs_ads_only_ && history->has_posts;
    max_periods_ = std::max(max_periods_, history->periods);
  }
  for (const auto& test : lifts_) {
    lift_plans_.push_back(lift_plans(test, period_days));
    max_periods_ = std::max(max_periods_, lift_plans_.back().with.periods());
  }
}

ChannelLikelihood::Workspace& ChannelLikelihood::workspace() const { return workspaces_.local(); }

void ChannelLikelihood::increments(Workspace& w, std::size_t l, std::span<const double> parameters,
                                   std::uint64_t first, std::size_t n, double* out) const {
  const auto& plans = lift_plans_[l];
  const std::size_t periods = plans.with.periods();
  std::fill(out, out + n, 0.0);
  // Both arms on the same trials: the increment is the spend's, not the noise's.
  const auto& with =
      w.full.run(channel_, channel_index_, plans.with, parameters, first, n, key_, period_days_);
  for (std::size_t i = 0; i < n; ++i) {
    const double* row = with.row(Output::kConversions, i);
    for (std::size_t t = 0; t < periods; ++t) out[i] += row[t];
  }
  const auto& without =
      w.ads_only.run(channel_, channel_index_, plans.without, parameters, first, n, key_, period_days_);
  for (std::size_t i = 0; i < n; ++i) {
    const double* row = without.row(Output::kConversions, i);
    for (std::size_t t = 0; t < periods; ++t) out[i] -= row[t];
    out[i] *= plans.scale;
  }
}

double ChannelLikelihood::operator()(std::span<const double> z) const {
  Workspace& w = workspace();
  space_.values(z, w.parameters);
  double total = 0.0;
  if (has_history_) {
    const auto& full =
        w.full.run(channel_, channel_index_, history_plan_, w.parameters, 0, replicates_, key_, period_days_);
    if (needs_ads_only_) {
      const auto& ads = w.ads_only.run(channel_, channel_index_, ads_only_plan_, w.parameters, 0, replicates_,
                                       key_, period_days_);
      total += history_likelihood_->log_likelihood(full, ads, replicates_);
    } else {
      total += history_likelihood_->log_likelihood(full, full, replicates_);
    }
  }
  for (std::size_t l = 0; l < lifts_.size(); ++l) {
    increments(w, l, w.parameters, 0, replicates_, w.increments.data());
    total += lift_log_likelihood(lifts_[l], w.increments.data(), replicates_);
  }
  return std::isfinite(total) ? total : -std::numeric_limits<double>::infinity();
}

std::vector<double> ChannelLikelihood::lift_increments(std::size_t l, std::span<const double> parameters,
                                                       std::uint64_t first, std::size_t n) const {
  Workspace& w = workspace();
  const std::size_t width = space_.parameters().size();
  std::vector<double> out(n);
  for (std::size_t i0 = 0; i0 < n; i0 += kPredictiveBlock) {
    const std::size_t count = std::min(kPredictiveBlock, n - i0);
    increments(w, l, parameters.subspan(i0 * width, count * width), first + i0, count, out.data() + i0);
  }
  return out;
}

}  // namespace splitsim
