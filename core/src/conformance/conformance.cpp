#include "conformance/conformance.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <sstream>
#include <thread>

#include "engine/output_checker.hpp"
#include "engine/parameter_sampler.hpp"

namespace splitsim {
namespace {

// One simulated block: inputs the checker controls and the outputs the plugin wrote.
struct Run {
  std::vector<double> spend, posts;  // the plan, per period
  std::vector<double> outputs;
  std::vector<double> audience;
  OutputBuffers buffers;
  SimulationBlock block;
};

class Harness {
 public:
  Harness(const LoadedPlugin& plugin, const ConformanceOptions& options)
      : plugin_(plugin), options_(options) {
    std::vector<ResolvedParameter> resolved;
    for (const auto& spec : plugin.info.params) resolved.push_back({spec, spec.default_value});
    params_ = draw_parameters(resolved, options.seed, 0, options.trials);
    for (const auto& column : params_) param_ptrs_.push_back(column.data());
  }

  // Simulates the default-parameter trials with a constant plan; outputs start as NaN so gaps show.
  std::unique_ptr<Run> simulate(double spend_per_period, double posts_per_period) const {
    auto run = std::make_unique<Run>();
    const std::size_t n = options_.trials, periods = options_.periods;
    run->outputs.assign(static_cast<std::size_t>(kOutputCount) * n * periods,
                        std::numeric_limits<double>::quiet_NaN());
    run->audience.assign(n, std::numeric_limits<double>::quiet_NaN());
    run->spend.assign(periods, spend_per_period);
    run->posts.assign(periods, posts_per_period);
    run->buffers = OutputBuffers::over(run->outputs.data(), run->audience.data(), n, periods);
    run->block.first_trial = 0;
    run->block.trials = n;
    run->block.periods = periods;
    run->block.period_days = 7.0;
    run->block.params = param_ptrs_.data();
    run->block.plan = {run->spend.data(), run->posts.data()};
    run->block.noise = RandomStream(options_.seed, 0, StreamId::kPeriodNoise);
    plugin_.platform->simulate(run->block, run->buffers);
    return run;
  }

  // Mean over trials of an output summed over the horizon.
  static double mean_total(const Run& run, Output output) {
    double sum = 0.0;
    for (std::size_t i = 0; i < run.buffers.trials; ++i) {
      const double* row = run.buffers.row(output, i);
      for (std::size_t t = 0; t < run.buffers.periods; ++t) sum += row[t];
    }
    return sum / static_cast<double>(run.buffers.trials);
  }

  const LoadedPlugin& plugin() const { return plugin_; }
  const ConformanceOptions& options() const { return options_; }

 private:
  const LoadedPlugin& plugin_;
  const ConformanceOptions& options_;
  std::vector<std::vector<double>> params_;
  std::vector<const double*> param_ptrs_;
};

// Bitwise equality: identical outputs must be identical to the bit, and NaN must equal NaN here.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

std::string fmt(const char* pattern, double a, double b = 0.0, double c = 0.0) {
  char text[256];
  std::snprintf(text, sizeof text, pattern, a, b, c);
  return text;
}

// Spend ladder per period: from nothing to far beyond what any audience absorbs.
constexpr double kSpends[] = {0.0, 10.0, 100.0, 1'000.0, 10'000.0, 100'000.0};
constexpr double kPosts = 3.0;

using Check = std::function<PropertyResult(const Harness&)>;

PropertyResult metadata(const Harness& h) {
  const auto& info = h.plugin().info;
  if (info.description.empty()) return {"", false, "the description is empty"};
  return {"", true,
          "name '" + info.name + "', version " + info.version + ", " + std::to_string(info.params.size()) +
              " parameters"};
}

PropertyResult schema(const Harness& h) {
  const auto problems = check_plugin_info(h.plugin().info);
  if (!problems.empty()) return {"", false, problems.front()};
  for (const auto& p : h.plugin().info.params) {
    if (p.unit.empty()) return {"", false, "parameter '" + p.name + "' has no unit"};
    if (p.help.empty()) return {"", false, "parameter '" + p.name + "' has no help text"};
  }
  return {"", true, "every default lies inside its range; every parameter has a unit and help"};
}

PropertyResult outputs_valid(const Harness& h) {
  for (double spend : kSpends) {
    for (double posts : {0.0, kPosts}) {
      const auto run = h.simulate(spend, posts);
      try {
        check_outputs(h.plugin().info.name, "check", run->block, run->buffers);
      } catch (const std::exception& e) {
        return {"", false, fmt("spend %g, posts %g per period: ", spend, posts) + e.what()};
      }
    }
  }
  return {"", true,
          "finite, non-negative, spend = plan, reach <= audience and <= impressions at every spend level"};
}

PropertyResult deterministic(const Harness& h) {
  const auto a = h.simulate(1'000.0, kPosts);
  const auto b = h.simulate(1'000.0, kPosts);
  if (!same_bits(a->outputs, b->outputs) || !same_bits(a->audience, b->audience)) {
    return {"", false, "two calls with the same block and random stream gave different outputs"};
  }
  return {"", true, "two identical calls gave identical outputs"};
}

PropertyResult thread_safe(const Harness& h) {
  // Lone calls first, one per spend level; then every level again from several threads at once. Distinct
  // inputs per thread make shared scratch state show up as wrong numbers, not only as a crash.
  std::vector<std::unique_ptr<Run>> references;
  for (double spend : {100.0, 1'000.0, 10'000.0, 100'000.0}) references.push_back(h.simulate(spend, kPosts));
  const int threads = std::max(2, h.options().threads);
  constexpr int kRepeats = 8;
  std::vector<int> mismatches(static_cast<std::size_t>(threads), 0);
  std::vector<std::string> errors(static_cast<std::size_t>(threads));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int repeat = 0; repeat < kRepeats; ++repeat) {
        const Run& reference = *references[static_cast<std::size_t>(t + repeat) % references.size()];
        std::vector<double> outputs(reference.outputs.size(), std::numeric_limits<double>::quiet_NaN());
        std::vector<double> audience(reference.audience.size());
        const OutputBuffers out = OutputBuffers::over(outputs.data(), audience.data(),
                                                      reference.buffers.trials, reference.buffers.periods);
        try {
          h.plugin().platform->simulate(reference.block, out);
        } catch (const std::exception& e) {
          errors[static_cast<std::size_t>(t)] = e.what();
          return;
        }
        if (!same_bits(outputs, reference.outputs) || !same_bits(audience, reference.audience)) {
          ++mismatches[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& thread : pool) thread.join();
  int total = 0;
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    if (!errors[t].empty()) return {"", false, "a concurrent call threw: " + errors[t]};
    total += mismatches[t];
  }
  const int calls = threads * kRepeats;
  if (total > 0) {
    return {"", false,
            std::to_string(total) + " of " + std::to_string(calls) +
                " concurrent calls differed from the same call made alone (shared mutable state?)"};
  }
  return {"", true,
          std::to_string(calls) + " calls from " + std::to_string(threads) +
              " threads at once matched the same calls made alone"};
}

PropertyResult monotone(const Harness& h) {
  double last_impressions = -1.0, last_reach = -1.0;
  std::string figures;
  for (double spend : kSpends) {
    const auto run = h.simulate(spend, kPosts);
    const double impressions = Harness::mean_total(*run, Output::kPaidImpressions);
    const double reach = Harness::mean_total(*run, Output::kReach);
    if (!std::isfinite(impressions) || !std::isfinite(reach)) {
      return {"", false,
              fmt("mean paid impressions %g and reach %g at spend %g per period are not finite", impressions,
                  reach, spend)};
    }
    // A relative tolerance forgives rounding, never a real drop.
    if (impressions < last_impressions * (1 - 1e-12)) {
      return {"", false,
              fmt("mean paid impressions fell from %.6g to %.6g when spend rose to %g per period",
                  last_impressions, impressions, spend)};
    }
    if (reach < last_reach * (1 - 1e-12)) {
      return {"", false,
              fmt("mean reach fell from %.6g to %.6g when spend rose to %g per period", last_reach, reach,
                  spend)};
    }
    figures += fmt("%g: %.4g", spend, reach) + (spend == kSpends[std::size(kSpends) - 1] ? "" : ", ");
    last_impressions = impressions;
    last_reach = reach;
  }
  return {"", true, "mean reach by spend per period {" + figures + "}"};
}

PropertyResult diminishing(const Harness& h) {
  // The second half of a budget buys less reach than the first.
  const double budget = 2'000.0;
  const double none = Harness::mean_total(*h.simulate(0.0, 0.0), Output::kReach);
  const double half = Harness::mean_total(*h.simulate(budget / 2, 0.0), Output::kReach);
  const double full = Harness::mean_total(*h.simulate(budget, 0.0), Output::kReach);
  const double first = half - none, second = full - half;
  if (!(second < first)) {
    return {"", false,
            fmt("first half of %g per period bought %.6g reach, the second half %.6g (not less)", budget,
                first, second)};
  }
  return {"", true,
          fmt("first half of %g per period: +%.6g reach, second half: +%.6g", budget, first, second)};
}

PropertyResult zero_budget(const Harness& h) {
  const auto paid_off = h.simulate(0.0, kPosts);
  for (Output o : {Output::kSpend, Output::kPaidImpressions}) {
    const double v = Harness::mean_total(*paid_off, o);
    if (v != 0.0)
      return {"", false, std::string("with zero paid spend, ") + output_name(o) + " is " + fmt("%g", v)};
  }
  const auto nothing = h.simulate(0.0, 0.0);
  for (int o = 0; o < kOutputCount; ++o) {
    const double v = Harness::mean_total(*nothing, static_cast<Output>(o));
    if (v != 0.0) {
      return {"", false,
              std::string("with no spend and no posts, ") + output_name(static_cast<Output>(o)) + " is " +
                  fmt("%g", v)};
    }
  }
  return {"", true, "no spend gives no paid output; no spend and no posts give no output at all"};
}

PropertyResult organic_posts(const Harness& h) {
  const double few = Harness::mean_total(*h.simulate(0.0, 1.0), Output::kOrganicImpressions);
  const double more = Harness::mean_total(*h.simulate(0.0, 2.0), Output::kOrganicImpressions);
  if (!(more >= few))
    return {"", false,
            fmt("2 posts per period gave %.6g organic impressions, fewer than 1 post (%.6g)", more, few)};
  return {"", true, fmt("organic impressions: %.6g with 1 post per period, %.6g with 2", few, more)};
}

}  // namespace

bool ConformanceReport::all_passed() const {
  for (const auto& r : results) {
    if (!r.passed) return false;
  }
  return !results.empty();
}

std::string ConformanceReport::to_string() const {
  std::string text;
  for (const auto& r : results)
    text += std::string(r.passed ? "PASS  " : "FAIL  ") + r.property + ": " + r.detail + "\n";
  return text;
}

ConformanceReport check_conformance(const LoadedPlugin& plugin, const ConformanceOptions& options) {
  ConformanceReport report;
  report.plugin = plugin.info.name;
  const std::pair<const char*, Check> checks[] = {
      {"ABI and metadata", metadata},
      {"parameter schema", schema},
      {"outputs finite, non-negative and possible", outputs_valid},
      {"deterministic for a fixed stream", deterministic},
      {"thread-safe", thread_safe},
      {"monotone in spend", monotone},
      {"diminishing returns", diminishing},
      {"zero budget gives zero paid output", zero_budget},
      {"more posts give more organic reach", organic_posts},
  };
  std::unique_ptr<Harness> harness;
  try {
    harness = std::make_unique<Harness>(plugin, options);
  } catch (const std::exception& e) {
    report.results.push_back(
        {"parameter schema", false, std::string("default parameters cannot be drawn: ") + e.what()});
    return report;
  }
  for (const auto& [name, check] : checks) {
    PropertyResult result;
    try {
      result = check(*harness);
    } catch (const std::exception& e) {
      result = {"", false, std::string("simulate threw: ") + e.what()};
    } catch (...) {
      result = {"", false, "simulate threw a non-standard exception"};
    }
    result.property = name;
    report.results.push_back(std::move(result));
  }
  return report;
}

}  // namespace splitsim
