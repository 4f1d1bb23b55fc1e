#include "batch/run_request.hpp"

#include "base/errors.hpp"
#include "output/manifest_files.hpp"
#include "output/results_io.hpp"
#include "run/scenario_run.hpp"
#include "scenario/scenario_loader.hpp"

namespace splitsim {

v1::ScenarioRun not_run() {
  v1::ScenarioRun run;
  run.set_status(v1::NOT_RUN);
  return run;
}

v1::ScenarioRun failed_run(std::exception_ptr error) {
  v1::ScenarioRun run;
  try {
    std::rethrow_exception(error);
  } catch (const Cancelled&) {
    return not_run();
  } catch (const InputError& e) {
    run.set_status(v1::INVALID);
    run.set_message(e.what());
  } catch (const UsageError& e) {
    run.set_status(v1::INVALID);
    run.set_message(e.what());
  } catch (const PluginError& e) {
    run.set_status(v1::PLUGIN_ERROR);
    run.set_message(e.what());
  } catch (const std::exception& e) {
    run.set_status(v1::FAILED);
    run.set_message(e.what());
  } catch (...) {
    run.set_status(v1::FAILED);
    run.set_message("an unknown exception");
  }
  return run;
}

ScenarioOverrides overrides_of(const v1::JobRequest& request) {
  ScenarioOverrides overrides;
  if (request.has_trials()) overrides.trials = request.trials();
  if (request.has_seed()) overrides.seed = request.seed();
  if (request.has_search()) overrides.search = request.search();
  return overrides;
}

ResourceLimits limits_of(const v1::JobRequest& request) {
  ResourceLimits limits;
  if (request.max_bytes() > 0) limits.max_bytes = request.max_bytes();
  if (request.max_channel_periods() > 0) limits.max_channel_periods = request.max_channel_periods();
  return limits;
}

v1::ScenarioRun run_request(const v1::JobRequest& request, const PluginRegistry& registry,
                            std::size_t threads) {
  try {
    auto loaded = load_scenario(request.scenario_file());
    apply_overrides(loaded.scenario, overrides_of(request));
    const auto results = run_scenario_spooled(loaded, registry, threads, limits_of(request));
    save_results(request.output_file(), results.results, *results.candidates);
    v1::ScenarioRun run;
    run.set_status(v1::OK);
    run.set_output_file(request.output_name());
    *run.mutable_headline() = headline_of(results.results, *results.candidates);
    return run;
  } catch (...) {
    return failed_run(std::current_exception());
  }
}

}  // namespace splitsim
