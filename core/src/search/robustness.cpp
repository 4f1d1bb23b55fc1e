#include "search/robustness.hpp"

#include <cmath>
#include <cstdio>

#include "base/kpi.hpp"

namespace splitsim {
namespace {

constexpr double kShareWorthAWarning = 0.1;  // of the money spent

std::string flat_optimum(const v1::Results& results, const CandidateSource& candidates) {
  const auto& rec = results.recommendation();
  if (rec.runner_ups_size() == 0) return "";
  const auto& runner_up = rec.runner_ups(0);
  // The comparison is in the KPI's own direction (search/comparison.cpp): clearly better means the whole
  // interval on the better side of zero. A winner chosen by noise may even lose on new trials.
  const bool lower =
      rec.objective().statistic() == v1::MIN_COST_FOR_TARGET || lower_is_better(rec.objective().kpi());
  if (lower ? runner_up.ci_high() < 0.0 : runner_up.ci_low() > 0.0) return "";
  std::string text =
      "The optimum is flat: on new trials the recommendation does not clearly beat the runner-up";
  const auto statistic = rec.objective().statistic();
  if (statistic != v1::PROB_TARGET && statistic != v1::MIN_COST_FOR_TARGET) {
    // The interval's half-width is the noise: candidates closer than it to the best are as good.
    const double noise = 0.5 * (runner_up.ci_high() - runner_up.ci_low());
    const double best = rec.objective_value();
    int within = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const RankKey key = candidates.key(i);
      if (i == rec.candidate_index() || !key.feasible) continue;
      within += std::abs(key.objective_value - best) <= noise ? 1 : 0;
    }
    // None within it means the runner-up scored worse on the search's trials than on new ones: the count
    // would contradict the sentence before it, so it is left out.
    if (within > 0) {
      char line[200];
      std::snprintf(line, sizeof line, "; %d other candidate%s score%s within the noise (%.4g) of the best",
                    within, within == 1 ? "" : "s", within == 1 ? "s" : "", noise);
      text += line;
    }
  }
  return text + ": choose among them on other grounds, or run more trials.";
}

bool all_defaults(const ResolvedChannel& channel) {
  return channel.scenario_parameters.empty() && !channel.posterior;
}

}  // namespace

std::vector<std::string> robustness_warnings(const v1::Results& results, const CandidateSource& candidates,
                                             const ResolvedScenario& scenario) {
  std::vector<std::string> warnings;
  if (!results.has_recommendation()) return warnings;
  if (auto flat = flat_optimum(results, candidates); !flat.empty()) warnings.push_back(std::move(flat));
  const auto best = candidates.at(results.recommendation().candidate_index());
  const auto& allocation = best.allocation();
  const double spent = allocation.paid_budget() + allocation.organic_budget();
  for (int c = 0; c < allocation.channels_size() && c < static_cast<int>(scenario.channels.size()); ++c) {
    const auto& channel = allocation.channels(c);
    const double share = spent > 0.0 ? (channel.paid_budget() + channel.organic_budget()) / spent : 0.0;
    if (share < kShareWorthAWarning || !all_defaults(scenario.channels[static_cast<std::size_t>(c)])) {
      continue;
    }
    char line[400];
    std::snprintf(
        line, sizeof line,
        "%s's share (%.0f%% of the money spent) rests on the plugin's benchmark defaults alone: give "
        "the account's own figures (params) or calibrate it.",
        channel.channel().c_str(), 100.0 * share);
    warnings.emplace_back(line);
  }
  return warnings;
}

}  // namespace splitsim
