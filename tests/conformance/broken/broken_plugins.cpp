// Deliberately broken plugins for `splitsim plugins check`: each violates exactly one property.
// Built three times with a different BROKEN_KIND so each library holds one plugin.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <splitsim/splitsim.hpp>
#include <thread>

namespace {

using splitsim::Output;

// A sound little model; the broken variants change one thing in it.
void honest_model(const splitsim::SimulationBlock& block, const splitsim::OutputBuffers& out,
                  double cpm_factor) {
  for (std::size_t i = 0; i < block.trials; ++i) {
    const double audience = 100'000.0;
    out.audience[i] = audience;
    double cumulative = 0.0, reached = 0.0;
    for (std::size_t t = 0; t < block.periods; ++t) {
      const double spend = block.plan.paid_spend[t];
      const double paid = splitsim::models::impressions_bought(spend, 10.0 * cpm_factor, audience, 0.3);
      const double organic = block.plan.organic_posts[t] * 100.0;
      cumulative += paid + organic;
      const double now = splitsim::models::poisson_reach(cumulative, audience);
      out.row(Output::kSpend, i)[t] = spend;
      out.row(Output::kPaidImpressions, i)[t] = paid;
      out.row(Output::kOrganicImpressions, i)[t] = organic;
      out.row(Output::kReach, i)[t] = now - reached;
      out.row(Output::kEngagements, i)[t] = 0.01 * (paid + organic);
      out.row(Output::kClicks, i)[t] = 0.01 * paid;
      out.row(Output::kConversions, i)[t] = 0.001 * paid;
      out.row(Output::kFollowersGained, i)[t] = 0.0;
      reached = now;
    }
  }
}

#if BROKEN_KIND == 1
// A global that every call changes: results depend on call order and on other threads.
std::atomic<std::uint64_t> calls{0};
#endif

class Broken final : public splitsim::Platform {
 public:
  Broken() {
    info_.name = BROKEN_NAME;
    info_.version = "0.0.1";
    info_.description = "deliberately broken test plugin";
  }
  const splitsim::PluginInfo& info() const override { return info_; }
  void simulate(const splitsim::SimulationBlock& block, const splitsim::OutputBuffers& out) const override {
#if BROKEN_KIND == 1  // non-deterministic: a call counter leaks into the results
    honest_model(block, out, 1.0 + 0.01 * static_cast<double>(calls++ % 7));
#elif BROKEN_KIND == 2  // not monotone: above 5,000 per period, more spend buys fewer impressions
    const double spend = block.periods > 0 ? block.plan.paid_spend[0] : 0.0;
    honest_model(block, out, spend > 5'000.0 ? spend / 100.0 : 1.0);
#elif BROKEN_KIND == 3  // thread-unsafe: a global scratch buffer shared by concurrent calls
    honest_model(block, out, 1.0);
    static double scratch[4096];  // the classic mistake: "reuse one buffer to avoid allocating"
    const std::size_t n = std::min<std::size_t>(block.trials * block.periods, 4096);
    for (std::size_t k = 0; k < n; ++k) scratch[k] = out.data[static_cast<int>(Output::kPaidImpressions)][k];
    std::this_thread::sleep_for(std::chrono::milliseconds(2));  // widen the window another call writes in
    for (std::size_t k = 0; k < n; ++k) {
      out.data[static_cast<int>(Output::kPaidImpressions)][k] = scratch[k];
      out.data[static_cast<int>(Output::kEngagements)][k] = 0.01 * scratch[k];
    }
#endif
  }

 private:
  splitsim::PluginInfo info_;
};

}  // namespace

SPLITSIM_PLUGIN(Broken)
