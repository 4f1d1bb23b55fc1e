// The recommended plan's team hours by role, for the results: the plan's mean needs per period shared between
// the roles as the team would share them (scenario/team_plan.hpp), so a reader of the results sees who is
// busy and who binds without resolving the team again.
#pragma once

#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"

namespace splitsim {

// Empty (no roles) without a team.
v1::TeamUse team_use_at(const v1::Candidate& candidate, const ResolvedScenario& scenario);

}  // namespace splitsim
