// Checks the horizon: the number and length of its periods, and how paid spend is paced over them.
#include <algorithm>
#include <cmath>
#include <string>

#include "scenario/limits.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// CUSTOM pacing: one usable weight per period, and something to scale (not all zero).
void check_custom_weights(const v1::Pacing& pacing, int periods, const FieldPath& path, Problems& problems) {
  if (pacing.weights_size() != periods) {
    problems.add(path.child("weights"),
                 "CUSTOM pacing needs one weight per period: " + std::to_string(periods) + " (got " +
                     std::to_string(pacing.weights_size()) + ")");
  }
  double total = 0.0;
  for (int t = 0; t < pacing.weights_size(); ++t) {
    if (!finite_at_least(pacing.weights(t), 0.0)) {
      problems.add(path.child("weights", t), "must be a weight >= 0 (got " + num(pacing.weights(t)) + ")");
    } else {
      total += pacing.weights(t);
    }
  }
  // With the wrong count the message above says it already.
  if (pacing.weights_size() == periods && !(total > 0.0)) {
    problems.add(path.child("weights"), "at least one period needs a weight above 0");
  }
  // Each period's share is its weight over the total: an infinite total would make every share 0.
  if (!std::isfinite(total)) {
    problems.add(path.child("weights"),
                 "the weights add up to more than a finite number: only their ratios matter, so give smaller "
                 "ones (e.g. 1, 2, 1)");
  }
}

// Optimised pacing splits the horizon into segments the optimizer weighs; only it can do that.
void check_optimize_segments(const v1::Pacing& pacing, int periods, bool optimize, const FieldPath& path,
                             Problems& problems) {
  if (pacing.optimize_segments() == 0) return;
  if (!optimize) {
    problems.add(path.child("optimize_segments"), "optimised pacing needs search { optimize {} }");
  } else if (pacing.optimize_segments() < 2 ||
             pacing.optimize_segments() > static_cast<unsigned>(std::min(periods, 12))) {
    problems.add(path.child("optimize_segments"), "must be between 2 and min(periods, 12) (got " +
                                                      std::to_string(pacing.optimize_segments()) + ")");
  }
}

}  // namespace

void check_horizon(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const auto& horizon = s.horizon();
  const auto path = root.child("horizon");
  if (horizon.periods() < 1 || horizon.periods() > kMaxPeriods) {
    problems.add(path.child("periods"), "must be between 1 and " + std::to_string(kMaxPeriods) + " (got " +
                                            std::to_string(horizon.periods()) + ")");
  }
  if (!(std::isfinite(horizon.period_days()) && horizon.period_days() > 0.0 &&
        horizon.period_days() <= 366.0)) {
    problems.add(path.child("period_days"),
                 "must be between 0 (excluded) and 366 days (got " + num(horizon.period_days()) + ")");
  }
}

void check_pacing(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const auto& pacing = s.horizon().pacing();
  const auto path = root.child("horizon").child("pacing");
  const int periods = s.horizon().periods();
  if (pacing.shape() == v1::Pacing::CUSTOM) {
    check_custom_weights(pacing, periods, path, problems);
  } else if (pacing.weights_size() > 0) {
    problems.add(path.child("weights"), "weights are used only with shape: CUSTOM");
  }
  check_optimize_segments(pacing, periods, s.search().has_optimize(), path, problems);
}

}  // namespace splitsim::validation
