// One channel's data as a function of its calibrated parameters: simulate the plans the data come from (the
// history, without its posts for the ads' own figures, each lift test's cell with and without its spend) on
// fixed noise replicates, and weigh what was observed.
#pragma once

#include <tbb/enumerable_thread_specific.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "calibration/lift_tests.hpp"
#include "calibration/observation_model.hpp"
#include "calibration/parameter_space.hpp"
#include "calibration/period_history.hpp"
#include "calibration/plan_simulator.hpp"
#include "scenario/resolved_scenario.hpp"

namespace splitsim {

// The plans of one lift test's cell: the cell's spend (for the whole market: spend / audience share) spread
// evenly over its window, and nothing.
struct LiftPlans {
  Plan with, without;
  double scale = 1.0;  // the cell's share of the market: its increment is this share of the market's
};
LiftPlans lift_plans(const LiftTest& test, int period_days);

class ChannelLikelihood {
 public:
  // `history` may be absent (lift tests only). `key` is the calibration trial set's key; `replicates` the
  // noise replicates per evaluation (trials 0 .. replicates - 1 of every plan: common random numbers).
  ChannelLikelihood(const ResolvedChannel& channel, std::uint32_t channel_index, const ParameterSpace& space,
                    const std::optional<PeriodHistory>& history, std::vector<LiftTest> lifts,
                    const MeasurementErrors& errors, std::uint64_t key, int period_days,
                    std::size_t replicates);

  // log likelihood of the data at z (the calibrated parameters in the sampler's space). Thread-safe: each
  // thread simulates in buffers of its own.
  double operator()(std::span<const double> z) const;

  // The increment of lift test `l` for each of `n` parameter vectors (one after the other), on trials first
  // .. first + n - 1: one noise replicate each, for the predictive check.
  std::vector<double> lift_increments(std::size_t l, std::span<const double> parameters, std::uint64_t first,
                                      std::size_t n) const;
  // The history plan (and without its posts) for `n` parameter vectors, calling `use(full, ads_only, i0, n)`
  // block by block.
  template <typename Use>
  void simulate_history(std::span<const double> parameters, std::uint64_t first, std::size_t n,
                        Use&& use) const;

  const ParameterSpace& space() const { return space_; }
  const std::optional<HistoryLikelihood>& history_likelihood() const { return history_likelihood_; }
  const std::vector<LiftTest>& lifts() const { return lifts_; }

 private:
  struct Workspace {
    PlanSimulator full, ads_only;
    std::vector<double> parameters, increments;
  };
  Workspace& workspace() const;
  // The increments of lift test l for `n` trials (parameters shared or per trial) into `increments`.
  void increments(Workspace& w, std::size_t l, std::span<const double> parameters, std::uint64_t first,
                  std::size_t n, double* increments) const;

  const ResolvedChannel& channel_;
  std::uint32_t channel_index_;
  const ParameterSpace& space_;
  std::optional<HistoryLikelihood> history_likelihood_;
  Plan history_plan_, ads_only_plan_;
  bool has_history_ = false, needs_ads_only_ = false;
  std::vector<LiftTest> lifts_;
  std::vector<LiftPlans> lift_plans_;
  std::uint64_t key_;
  double period_days_;
  std::size_t replicates_, max_periods_;
  mutable tbb::enumerable_thread_specific<Workspace> workspaces_;
};

// Trials the predictive check simulates start here, far from the likelihood's replicates (0 .. M - 1).
inline constexpr std::uint64_t kPredictiveFirstTrial = 1ull << 31;
// Block of trials per plugin call in the predictive check.
inline constexpr std::size_t kPredictiveBlock = 64;

template <typename Use>
void ChannelLikelihood::simulate_history(std::span<const double> parameters, std::uint64_t first,
                                         std::size_t n, Use&& use) const {
  Workspace& w = workspace();
  const std::size_t width = space_.parameters().size();
  for (std::size_t i0 = 0; i0 < n; i0 += kPredictiveBlock) {
    const std::size_t count = std::min(kPredictiveBlock, n - i0);
    const auto block = parameters.subspan(i0 * width, count * width);
    const auto& full =
        w.full.run(channel_, channel_index_, history_plan_, block, first + i0, count, key_, period_days_);
    const auto& ads = needs_ads_only_ ? w.ads_only.run(channel_, channel_index_, ads_only_plan_, block,
                                                       first + i0, count, key_, period_days_)
                                      : full;
    use(full, ads, i0, count);
  }
}

}  // namespace splitsim
