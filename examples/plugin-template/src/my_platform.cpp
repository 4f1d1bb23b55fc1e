// A template platform plugin: copy the folder, rename, and replace the model and its defaults.
// The whole contract is in <splitsim/platform.hpp>; docs/plugin-guide.md explains it.
#include <cstdint>
#include <splitsim/splitsim.hpp>

namespace {

using splitsim::Distribution;
using splitsim::Output;

// Parameter order is the index used with block.param(index, trial).
enum Param : std::size_t { kAudience, kCpm, kCtr, kCvr, kOrganicReachRate, kFollowers, kCount };

class MyPlatform final : public splitsim::Platform {
 public:
  MyPlatform() {
    info_.name = "myplatform";  // the name scenarios use: plugin: "myplatform"
    info_.version = "0.1.0";
    info_.description = "Template network: CPM auction, Poisson reach, CTR and CVR (replace with your model)";
    info_.params = {
        {"audience", "people", Distribution::fixed(500'000), 1, 3e9, "people the ads can reach (assumption)"},
        {"cpm", "money per 1000 impressions", Distribution::log_normal(8.0, 0.3), 0.1, 500,
         "base CPM at low spend (assumption: cite your source and year)"},
        {"ctr", "clicks per impression", Distribution::beta_mean(0.008, 300), 0, 1,
         "click-through rate (assumption)"},
        {"cvr", "conversions per click", Distribution::beta_mean(0.03, 300), 0, 1,
         "conversion rate (assumption)"},
        {"organic_reach_rate", "fraction of followers per post", Distribution::beta_mean(0.05, 200), 0, 1,
         "share of followers who see a post (assumption)"},
        {"followers", "people", Distribution::fixed(5'000), 0, 1e9, "followers of the account today"},
    };
  }

  const splitsim::PluginInfo& info() const override { return info_; }

  // One call fills every output of every trial and period. No allocation, no globals: local state only.
  void simulate(const splitsim::SimulationBlock& block, const splitsim::OutputBuffers& out) const override {
    for (std::size_t i = 0; i < block.trials; ++i) {
      const std::uint64_t trial = block.first_trial + i;
      const double audience = block.param(kAudience, i);
      out.audience[i] = audience;
      double cumulative_impressions = 0.0, reached = 0.0;
      for (std::size_t t = 0; t < block.periods; ++t) {
        const auto period = static_cast<std::uint32_t>(t);
        const double spend = block.plan.paid_spend[t];
        // Per-period CPM noise: draw index 0 of this trial and period (use other indices for other noise).
        const double cpm = block.param(kCpm, i) * block.noise.mean_one_log_normal(trial, period, 0, 0.1);
        const double paid = splitsim::models::impressions_bought(spend, cpm, audience, 0.3);
        const double organic =
            block.plan.organic_posts[t] * block.param(kFollowers, i) * block.param(kOrganicReachRate, i);
        cumulative_impressions += paid + organic;
        const double reach_so_far = splitsim::models::poisson_reach(cumulative_impressions, audience);
        const double clicks = paid * block.param(kCtr, i);

        out.row(Output::kSpend, i)[t] = spend;  // must equal the plan
        out.row(Output::kPaidImpressions, i)[t] = paid;
        out.row(Output::kOrganicImpressions, i)[t] = organic;
        out.row(Output::kReach, i)[t] = reach_so_far - reached;  // new people this period
        out.row(Output::kEngagements, i)[t] = 0.01 * (paid + organic);
        out.row(Output::kClicks, i)[t] = clicks;
        out.row(Output::kConversions, i)[t] = clicks * block.param(kCvr, i);
        out.row(Output::kFollowersGained, i)[t] = 0.0;
        reached = reach_so_far;
      }
    }
  }

 private:
  splitsim::PluginInfo info_;
};

}  // namespace

SPLITSIM_PLUGIN(MyPlatform)
