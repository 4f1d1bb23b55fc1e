// Running one batch request in the current process, as in-process jobs and isolated children both do:
// load the scenario, apply the batch's overrides, run it, save its results; every failure becomes a status.
#pragma once

#include <cstddef>
#include <exception>

#include "batch.pb.h"
#include "plugins/plugin_registry.hpp"
#include "run/overrides.hpp"
#include "run/resource_estimate.hpp"

namespace splitsim {

// The manifest entry of the request. Never throws: bad input is INVALID, a failing plugin PLUGIN_ERROR, a
// cancelled run NOT_RUN, anything else FAILED, each with its message.
v1::ScenarioRun run_request(const v1::JobRequest& request, const PluginRegistry& registry,
                            std::size_t threads);

// The entry of a run that ended with `error` (an exception in flight), classified as run_request does.
v1::ScenarioRun failed_run(std::exception_ptr error);

// An entry for a scenario that did not run (the batch was stopped first).
v1::ScenarioRun not_run();

ScenarioOverrides overrides_of(const v1::JobRequest& request);
ResourceLimits limits_of(const v1::JobRequest& request);

}  // namespace splitsim
