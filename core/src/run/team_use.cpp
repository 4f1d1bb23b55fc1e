#include "run/team_use.hpp"

#include <algorithm>

#include "search/objective.hpp"

namespace splitsim {

v1::TeamUse team_use_at(const v1::Candidate& candidate, const ResolvedScenario& scenario) {
  v1::TeamUse result;
  const TeamPlan& team = scenario.team;
  if (!team.present) return result;
  const double periods = static_cast<double>(std::max<std::size_t>(1, scenario.periods));
  auto per_period = [&](v1::Kpi kpi) { return find_kpi(candidate, kpi).mean() / periods; };
  ActivityHoursArray needs{};
  needs[static_cast<int>(Activity::kContent)] = per_period(v1::CONTENT_HOURS);
  needs[static_cast<int>(Activity::kCommunity)] = per_period(v1::COMMUNITY_HOURS);
  needs[static_cast<int>(Activity::kCampaigns)] = per_period(v1::CAMPAIGN_HOURS);
  needs[static_cast<int>(Activity::kStrategy)] = per_period(v1::STRATEGY_HOURS);
  const TeamUse use = team.use(needs);
  for (std::size_t r = 0; r < team.roles.size(); ++r) {
    const auto& role = team.roles[r];
    auto* out = result.add_roles();
    out->set_role(role.name);
    for (int a = 0; a < kActivityCount; ++a) {
      if (role.activities & (1u << a)) out->add_activities(activity_name(static_cast<Activity>(a)));
    }
    out->set_hours_per_period(use.role_hours[r]);
    out->set_capacity_per_period(role.hours_per_period);
  }
  for (const std::size_t r : use.binding_roles) result.add_binding_roles(team.roles[r].name);
  result.set_binding_load(use.binding_load);
  result.set_unmet_hours_per_period(use.unmet);
  result.set_shortfall_hours(find_kpi(candidate, v1::TEAM_SHORTFALL_HOURS).mean());
  return result;
}

}  // namespace splitsim
