// The team whose hours organic effort costs: presets, activity hours, capacity and hourly cost.
#pragma once

#include <string>
#include <vector>

#include "scenario.pb.h"

namespace splitsim {

// A scenario's team resolved into the figures the plan and the engine need.
struct TeamPlan {
  bool present = false;                             // false: channels price posts with cost_per_post
  bool fixed = false;                               // bottom-up: the team's cost is the organic budget
  double capacity_per_period = 0.0;                 // productive hours per period
  double hourly_rate = 0.0;                         // blended cost per hour (FTE-weighted)
  double hours_per_post[4] = {4.0, 0.5, 4.0, 6.0};  // by PostFormat (UNSPECIFIED means CRAFTED)
  double community_per_1000_engagements = 2.0;
  double paid_campaign_per_period = 2.0;  // per channel with paid spend

  double post_hours(v1::PostFormat format) const { return hours_per_post[static_cast<int>(format)]; }
  // The team's cost over the horizon (all of its capacity, paid at its rate).
  double horizon_cost(int periods) const { return capacity_per_period * periods * hourly_rate; }
};

// Bundled team sizes, as the field reports them: one person; two; a mid-size team of 3-5; enterprise 11+.
// Hourly costs: social media manager ~$34/h, specialist ~$28/h (Zippia); analyst ~$30/h (BLS PR median).
std::vector<v1::TeamMember> team_preset(const std::string& name);  // empty for an unknown name
std::vector<std::string> team_preset_names();

// Resolves the scenario's team (preset members plus listed members, defaults for unset hours).
TeamPlan resolve_team(const v1::Scenario& scenario);

}  // namespace splitsim
