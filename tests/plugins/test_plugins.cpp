// Test-only plugins: one honest model and variants that each break one rule the runner enforces.
// Built once per TEST_KIND so every library holds exactly one plugin.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <splitsim/splitsim.hpp>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

using splitsim::Distribution;
using splitsim::Output;

#if TEST_KIND == 100
// A chatty model: prints to stdout through stdio, iostreams and the file descriptor itself.
void say(const char* when) {
  std::printf("test_prints says hello (stdio, %s)\n", when);
  std::cout << "test_prints says hello (iostream, " << when << ")\n";
  const char line[] = "test_prints says hello (write)\n";
  if (::write(STDOUT_FILENO, line, sizeof line - 1) < 0) return;
}
#endif

class TestPlatform final : public splitsim::Platform {
 public:
  TestPlatform() {
    info_.name = TEST_NAME;
    info_.version = "1.0.0";
    info_.description = "test-only plugin";
#if TEST_KIND == 100
    say("loading");
#endif
    info_.params = {
        {"audience", "people", Distribution::fixed(100'000), 1, 1e9, "addressable audience"},
        {"cpm", "money per 1000 impressions", Distribution::log_normal(10, 0.3), 0.1, 1000, "base CPM"},
    };
  }
  const splitsim::PluginInfo& info() const override { return info_; }

  void simulate(const splitsim::SimulationBlock& block, const splitsim::OutputBuffers& out) const override {
#if TEST_KIND == 100
    say("simulating");
#endif
#if TEST_KIND == 1
    throw std::runtime_error("model exploded: test");
#elif TEST_KIND == 5
    std::raise(SIGSEGV);  // what a wild pointer does: only an isolated run survives it
#elif TEST_KIND == 6
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));  // a model that never returns
#elif TEST_KIND == 101
    // Kills its whole process once, as a machine lost mid-batch would: the first process to rename the
    // file named by SPLITSIM_TEST_KILL_MARK dies; without it, or once renamed, it is test_good.
    if (const char* mark = std::getenv("SPLITSIM_TEST_KILL_MARK"))
      if (std::rename(mark, (std::string(mark) + ".used").c_str()) == 0) std::raise(SIGKILL);
#endif
    for (std::size_t i = 0; i < block.trials; ++i) {
      const double audience = block.param(0, i);
      out.audience[i] = audience;
      double cumulative = 0.0, reached = 0.0;
      for (std::size_t t = 0; t < block.periods; ++t) {
        const double spend = block.plan.paid_spend[t];
        const double paid = splitsim::models::impressions_bought(spend, block.param(1, i), audience, 0.3);
        const double organic = 50.0 * block.plan.organic_posts[t];
        cumulative += paid + organic;
        const double now = splitsim::models::poisson_reach(cumulative, audience);
        out.row(Output::kSpend, i)[t] = spend;
        out.row(Output::kPaidImpressions, i)[t] = paid;
        out.row(Output::kOrganicImpressions, i)[t] = organic;
        out.row(Output::kReach, i)[t] = now - reached;
        out.row(Output::kEngagements, i)[t] = 0.01 * (paid + organic);
        out.row(Output::kClicks, i)[t] = 0.01 * paid;
        out.row(Output::kConversions, i)[t] = 0.001 * paid;
        out.row(Output::kFollowersGained, i)[t] = 0.001 * organic;
        reached = now;
      }
#if TEST_KIND == 2
      out.row(Output::kPaidImpressions, i)[0] = std::numeric_limits<double>::quiet_NaN();
#elif TEST_KIND == 3
      out.row(Output::kReach, i)[0] = 2.0 * audience;
#elif TEST_KIND == 4
      out.row(Output::kSpend, i)[0] += 1.0;
#endif
    }
  }

 private:
  splitsim::PluginInfo info_;
};

}  // namespace

SPLITSIM_PLUGIN(TestPlatform)
