// Parameter draws evaluate Boost.Math in double (MathPolicy): they must agree with the long-double reference
// (Boost.Math's default policy) within 1e-12 relative, over random probabilities and in both tails, for every
// bundled network's default distributions and for wider ones a scenario may give.
#include "base/math_policy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "engine/truncated_inverse_cdf.hpp"
#include "feed_platform.hpp"
#include "instagram_defaults.hpp"
#include "linkedin_defaults.hpp"
#include "meta_defaults.hpp"
#include "pinterest_defaults.hpp"
#include "snapchat_defaults.hpp"
#include "tiktok_defaults.hpp"
#include "x_defaults.hpp"
#include "youtube_defaults.hpp"

namespace splitsim::plugins {
namespace {

using Promoted = boost::math::policies::policy<>;  // Boost.Math's default: double promoted to long double

// Random probabilities, the middle, and both tails down to 1e-12.
std::vector<double> probabilities() {
  std::vector<double> u = {1e-12, 1e-9, 1e-6, 0.5, 1.0 - 1e-6, 1.0 - 1e-9, 1.0 - 1e-12};
  std::mt19937_64 rng(15);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  for (int i = 0; i < 400; ++i) u.push_back(uniform(rng));
  return u;
}

void expect_agreement(const Distribution& d, double lo, double hi, const std::string& what) {
  for (const double u : probabilities()) {
    const double fast = truncated_quantile_with<MathPolicy>(d, lo, hi, u);
    const double reference = truncated_quantile_with<Promoted>(d, lo, hi, u);
    const double scale = std::max(std::abs(reference), std::numeric_limits<double>::min());
    EXPECT_LE(std::abs(fast - reference), 1e-12 * scale)
        << what << " " << describe(d) << " on [" << lo << ", " << hi << "] at u = " << u << ": " << fast
        << " against " << reference;
  }
}

TEST(MathPolicy, BundledDefaultDistributionsAgreeWithTheLongDoubleReference) {
  const std::vector<FeedDefaults> networks = {meta_defaults(),      instagram_defaults(), tiktok_defaults(),
                                              linkedin_defaults(),  youtube_defaults(),   x_defaults(),
                                              pinterest_defaults(), snapchat_defaults()};
  int checked = 0;
  for (const auto& network : networks) {
    for (const auto& spec : network.params) {
      if (spec.default_value.kind == DistributionKind::kFixed) continue;
      // As drawn (truncated to the valid range) and on the family's whole support.
      expect_agreement(spec.default_value, spec.min, spec.max, network.name + " " + spec.name);
      expect_agreement(spec.default_value, -HUGE_VAL, HUGE_VAL, network.name + " " + spec.name);
      ++checked;
    }
  }
  EXPECT_GT(checked, 40);  // every network has uncertain defaults: the loop above really ran
}

TEST(MathPolicy, ScenarioDistributionsAgreeWithTheLongDoubleReference) {
  for (const auto& d :
       {Distribution::normal(0.0, 1.0), Distribution::normal(1e6, 3e5), Distribution::log_normal(12.0, 1.5),
        Distribution::log_normal(0.01, 0.05), Distribution::beta(0.5, 0.5), Distribution::beta(2.0, 5.0),
        Distribution::beta(0.9, 30.0), Distribution::beta_mean(0.0006, 5000),
        Distribution::beta_mean(0.3, 8)}) {
    expect_agreement(d, -HUGE_VAL, HUGE_VAL, "scenario");
  }
}

}  // namespace
}  // namespace splitsim::plugins
