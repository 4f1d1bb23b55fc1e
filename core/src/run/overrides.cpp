#include "run/overrides.hpp"

#include <filesystem>

#include "scenario/scenario_loader.hpp"

namespace splitsim {

void apply_overrides(v1::Scenario& scenario, const ScenarioOverrides& overrides) {
  if (overrides.trials) scenario.set_trials(*overrides.trials);
  if (overrides.seed) scenario.set_seed(*overrides.seed);
  if (overrides.keep_trials) scenario.set_keep_trials(true);
  // Absolute: the scenario's own calibration.file is relative to the scenario, the command line's is not.
  if (overrides.calibration)
    scenario.mutable_calibration()->set_file(std::filesystem::absolute(*overrides.calibration).string());
  if (overrides.search == "optimize" && !scenario.search().has_optimize()) {
    scenario.mutable_search()->mutable_optimize();
    apply_defaults(scenario);
  } else if (overrides.search == "grid" && !scenario.search().has_grid()) {
    scenario.mutable_search()->mutable_grid();
    apply_defaults(scenario);
  }
}

}  // namespace splitsim
