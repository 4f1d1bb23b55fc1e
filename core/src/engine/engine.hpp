// The Monte Carlo engine: every candidate split over the same trials, in parallel blocks of trials.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/candidate_generator.hpp"
#include "engine/team_plan.hpp"
#include "engine/reach_overlap.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario.pb.h"
#include "stats/summary.hpp"

namespace splitsim {

// KPIs are indexed by their proto enum value minus one.
inline constexpr int kKpiCount = 18;
inline int kpi_index(v1::Kpi kpi) { return static_cast<int>(kpi) - 1; }
inline v1::Kpi kpi_at(int index) { return static_cast<v1::Kpi>(index + 1); }

// Costs and shortfalls are better low; every other KPI is better high.
bool lower_is_better(v1::Kpi kpi);

// One channel ready to simulate: its plugin and its parameters drawn for every trial.
struct ChannelModel {
  std::string name;
  const LoadedPlugin* plugin = nullptr;
  std::vector<std::vector<double>> params;              // [parameter][trial], in the plugin's parameter order
  double cost_per_post = 0.0;                           // without a team
  v1::PostFormat format = v1::POST_FORMAT_UNSPECIFIED;  // with a team
};

// Everything a run needs besides the candidates.
struct SimulationSetup {
  std::vector<ChannelModel> channels;
  std::uint64_t seed = 0;
  std::uint64_t trials = 0;
  std::size_t periods = 0;
  double period_days = 7.0;
  double budget = 0.0;
  v1::Kpi objective_kpi = v1::KPI_UNSPECIFIED;
  std::optional<double> target;  // P(objective KPI >= target) is reported when set
  TeamPlan team;
  double value_per_conversion = 0.0;
  std::optional<double> population;  // for total reach; default: each trial's largest channel audience
  OverlapMatrix overlap;             // extra overlap between pairs of channels' reach
  std::vector<double> paid_pacing;   // the scenario's share of paid spend in each period; empty when even
};

// The scenario's pacing as shares of the paid budget per period (sums to 1). Validated input.
std::vector<double> pacing_shares(const v1::Pacing& pacing, std::size_t periods);

// Resolves each channel's parameters (scenario overrides over plugin defaults) and draws them for all trials.
SimulationSetup prepare_simulation(const v1::Scenario& scenario, const PluginRegistry& registry);

// Per-trial KPI values of one candidate: kpis[k][trial] in total and per channel.
struct TrialKpis {
  std::vector<std::vector<double>> totals;                 // [kpi][trial]
  std::vector<std::vector<std::vector<double>>> channels;  // [channel][kpi][trial]
};

// The KPI distributions of one candidate.
struct CandidateOutcome {
  std::vector<Summary> totals;                 // [kpi]
  std::vector<std::vector<Summary>> channels;  // [channel][kpi]
};

// What each channel receives under a split. Paid spend follows the pacing; posts are even over the horizon.
struct ChannelPlanValues {
  double paid_per_period = 0.0;  // on average
  double posts_per_period = 0.0;
  double paid_budget = 0.0;     // over the horizon
  double organic_budget = 0.0;  // over the horizon
  double post_hours = 0.0;      // team hours per post (0 without a team)
  double planned_hours = 0.0;   // team hours for posts and campaign management over the horizon
};
std::vector<ChannelPlanValues> plan_channels(const SimulationSetup& setup, const CandidateSplit& split);

class Engine {
 public:
  explicit Engine(const SimulationSetup& setup, std::size_t block_trials = 128);

  // Simulates one candidate over all trials (parallel over blocks of trials; the thread count is whatever
  // the caller's oneTBB arena allows). The same trials, and so the same random numbers, serve every
  // candidate.
  TrialKpis simulate(const CandidateSplit& split) const;

  // Simulates and summarises every candidate (parallel over candidates and over blocks).
  std::vector<CandidateOutcome> evaluate(const std::vector<CandidateSplit>& candidates) const;

 private:
  const SimulationSetup& setup_;
  std::size_t block_trials_;
};

}  // namespace splitsim
