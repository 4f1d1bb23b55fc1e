// The sections of scenario validation, one file each; validate_scenario calls them in the order below.
#pragma once

#include "plugins/plugin_registry.hpp"
#include "scenario.pb.h"
#include "scenario/source_map.hpp"
#include "scenario/validation/problems.hpp"

namespace splitsim::validation {

// Each section adds what it finds to `problems`; none stops at the first, so the user sees everything.
// The call order fixes the order of the messages, which users (and the tests) read top to bottom.

// budget.cpp: the total and its currency.
void check_budget(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// horizon.cpp: the number and length of periods.
void check_horizon(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// search.cpp: the organic share range, and the grid steps or the optimizer's options.
void check_search(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// budget.cpp: an "up to" budget and the least share of it to spend.
void check_spending(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// horizon.cpp: how paid spend is spread over the periods.
void check_pacing(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// channels.cpp: the channel list, each channel, and whether their share bounds can add up to 1.
void check_channels(const v1::Scenario& s, const FieldPath& root, const PluginRegistry& registry,
                    Problems& problems);
// parameters.cpp (part of the channel section): a channel's parameters against its plugin's declarations.
void check_parameters(const v1::Channel& channel, const LoadedPlugin& plugin, const FieldPath& path,
                      Problems& problems);
// objective.cpp: the KPI to optimise and the target.
void check_objective(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// team.cpp: the team's people, hours and, for a fixed team, its cost against the budget.
void check_team(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// text.cpp: free text and names are valid UTF-8.
void check_text_fields(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// objective.cpp: the money one conversion is worth, which ROAS needs.
void check_conversion_value(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// audience.cpp: the population and the channels' audience overlaps.
void check_audience(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// money_limits.cpp: each channel's paid money limits, and their minimums against the budget.
void check_money_limits(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// objective.cpp: the options of risk-averse and minimum-cost objectives.
void check_objective_options(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// constraints.cpp: the KPI limits every recommended plan keeps.
void check_constraints(const v1::Scenario& s, const FieldPath& root, Problems& problems);
// search.cpp: the number of Monte Carlo trials per candidate.
void check_trials(const v1::Scenario& s, const FieldPath& root, Problems& problems);

}  // namespace splitsim::validation
