// Helpers of the calibration tests: scenarios on the bundled plugins, and histories simulated from known
// parameters (the plugin itself, then the measurement error of the observation model).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "calibration/observation_model.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario/resolved_scenario.hpp"

namespace splitsim::testing {

// The bundled plugins, loaded once for the whole test program.
const PluginRegistry& shared_registry();

// A resolved scenario from text format (the registry outlives it).
ResolvedScenario resolved(const std::string& text);

// Weekly spend varying over `weeks` (flights between `low` and `high`), deterministic.
std::vector<double> varied_spend(std::size_t weeks, double low, double high);

// What a history generator needs: the channel, its true parameters (every plugin parameter) and the plan.
struct SyntheticHistory {
  const ResolvedChannel* channel = nullptr;
  std::vector<double> truth;  // in the plugin's order
  std::vector<double> spend;  // per week
  std::vector<double> posts;  // per week (empty: none)
  std::uint64_t seed = 1;     // of the plugin's noise and the measurement error
  MeasurementErrors errors;
  bool organic_columns = false;  // add organic_posts, organic_impressions and followers
};

// The history as a generic CSV export with one row per week from 2024-01-01 (date, spend, impressions,
// clicks, conversions). The plugin's own noise comes from a noise stream no calibration uses.
std::string synthetic_history_csv(const SyntheticHistory& history);

// YYYY-MM-DD.
std::string iso(std::chrono::sys_days day);

// The full parameter vector of a channel at its distributions' medians, with some parameters replaced.
std::vector<double> median_parameters(const ResolvedChannel& channel);
void set_parameter(const ResolvedChannel& channel, std::vector<double>& values, const std::string& name,
                   double value);
std::size_t parameter_index(const ResolvedChannel& channel, const std::string& name);

}  // namespace splitsim::testing
