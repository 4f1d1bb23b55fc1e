#include "scenario/team_plan.hpp"

namespace splitsim {
namespace {

v1::TeamMember member(const char* role, double fte, double hourly_cost) {
  v1::TeamMember m;
  m.set_role(role);
  m.set_fte(fte);
  m.set_hourly_cost(hourly_cost);
  return m;
}

}  // namespace

std::vector<v1::TeamMember> team_preset(const std::string& name) {
  if (name == "solo") return {member("social media manager", 1.0, 34.0)};
  if (name == "small")
    return {member("social media manager", 1.0, 34.0), member("content creator", 1.0, 28.0)};
  if (name == "mid") {
    return {member("social media manager", 1.0, 34.0), member("content creator", 2.0, 28.0),
            member("community manager", 1.0, 28.0), member("social data analyst", 0.5, 30.0)};
  }
  if (name == "enterprise") {
    return {member("social media manager", 2.0, 34.0), member("content creator", 4.0, 28.0),
            member("community manager", 2.0, 28.0), member("social data analyst", 1.0, 30.0),
            member("paid media specialist", 2.0, 28.0)};
  }
  return {};
}

std::vector<std::string> team_preset_names() { return {"solo", "small", "mid", "enterprise"}; }

TeamPlan resolve_team(const v1::Scenario& scenario) {
  TeamPlan plan;
  if (!scenario.has_team()) return plan;
  const auto& team = scenario.team();
  plan.present = true;
  plan.fixed = team.fixed();
  auto members = team_preset(team.preset());
  members.insert(members.end(), team.members().begin(), team.members().end());
  double fte = 0.0, cost = 0.0;
  for (const auto& m : members) {
    fte += m.fte();
    cost += m.fte() * m.hourly_cost();
  }
  const double hours_per_week = team.has_hours_per_fte_week() ? team.hours_per_fte_week() : 32.0;
  plan.capacity_per_period = fte * hours_per_week * scenario.horizon().period_days() / 7.0;
  plan.hourly_rate = fte > 0.0 ? cost / fte : 0.0;
  const auto& h = team.hours();
  if (h.has_simple_post()) plan.hours_per_post[v1::SIMPLE] = h.simple_post();
  if (h.has_crafted_post()) plan.hours_per_post[v1::CRAFTED] = h.crafted_post();
  if (h.has_video_post()) plan.hours_per_post[v1::VIDEO] = h.video_post();
  plan.hours_per_post[v1::POST_FORMAT_UNSPECIFIED] = plan.hours_per_post[v1::CRAFTED];
  if (h.has_community_per_1000_engagements())
    plan.community_per_1000_engagements = h.community_per_1000_engagements();
  if (h.has_paid_campaign_per_period()) plan.paid_campaign_per_period = h.paid_campaign_per_period();
  return plan;
}

}  // namespace splitsim
