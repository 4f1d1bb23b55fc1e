// Turns a validated scenario into the model every later stage reads, once.
#pragma once

#include "plugins/plugin_registry.hpp"
#include "scenario/resolved_scenario.hpp"
#include "scenario/scenario_loader.hpp"

namespace splitsim {

// Resolves a scenario that validate_scenario accepted: plugins found, parameters resolved (scenario
// overrides over plugin defaults), team, pacing, money bounds, objective and constraints read with their
// defaults. The registry must outlive the result (channels point at its plugins).
ResolvedScenario resolve_scenario(const LoadedScenario& loaded, const PluginRegistry& registry);

// The objective as the model reads it, with its documented defaults (also for results files read back).
Objective resolve_objective(const v1::Objective& objective);

// A KPI constraint as the model reads it (`index`: its place in the scenario), also for results read back.
KpiLimit resolve_constraint(const v1::KpiConstraint& constraint, int index);

}  // namespace splitsim
