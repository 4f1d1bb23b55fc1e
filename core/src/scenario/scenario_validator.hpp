// Checks a parsed scenario against the schema's rules and the plugins' declared parameters.
#pragma once

#include "plugins/plugin_registry.hpp"
#include "scenario/scenario_loader.hpp"

namespace splitsim {

// Limits that keep a run sane; beyond them the scenario is refused up front.
inline constexpr int kMaxPeriods = 520;
inline constexpr std::uint64_t kMaxTrials = 10'000'000;
inline constexpr int kMaxChannels = 64;

// Throws InputError listing every problem (file, line, field, what is wrong and what is allowed).
void validate_scenario(const LoadedScenario& loaded, const PluginRegistry& registry);

// The distribution a scenario parameter describes, in SDK form.
Distribution to_distribution(const v1::Parameter& parameter);

}  // namespace splitsim
