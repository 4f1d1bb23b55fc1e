// Checks a parsed scenario against the schema's rules and the plugins' declared parameters.
#pragma once

#include "plugins/plugin_registry.hpp"
#include "scenario/scenario_loader.hpp"

namespace splitsim {

// Throws InputError listing every problem (file, line, field, what is wrong and what is allowed).
void validate_scenario(const LoadedScenario& loaded, const PluginRegistry& registry);

}  // namespace splitsim
