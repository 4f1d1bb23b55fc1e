// Validates a scenario: runs each section under validation/ and reports everything they found at once.
#include "scenario/scenario_validator.hpp"

#include "scenario/validation/problems.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim {

void validate_scenario(const LoadedScenario& loaded, const PluginRegistry& registry) {
  const auto& s = loaded.scenario;
  validation::Problems problems(loaded);
  const FieldPath root;

  // Users read the problems top to bottom and the tests compare them: this order is part of the output.
  validation::check_budget(s, root, problems);
  validation::check_horizon(s, root, problems);
  validation::check_search(s, root, problems);
  validation::check_spending(s, root, problems);
  validation::check_pacing(s, root, problems);
  validation::check_channels(s, root, registry, problems);
  validation::check_objective(s, root, problems);
  validation::check_team(s, root, problems);
  validation::check_text_fields(s, root, problems);
  validation::check_conversion_value(s, root, problems);
  validation::check_audience(s, root, problems);
  validation::check_money_limits(s, root, problems);
  validation::check_objective_options(s, root, problems);
  validation::check_constraints(s, root, problems);
  validation::check_trials(s, root, problems);
  problems.throw_if_any();
}

}  // namespace splitsim
