#include "scenario/team_plan.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <limits>
#include <numeric>

namespace splitsim {
namespace {

v1::TeamMember member(const char* role, double fte, double hourly_cost) {
  v1::TeamMember m;
  m.set_role(role);
  m.set_fte(fte);
  m.set_hourly_cost(hourly_cost);
  return m;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Role indices from the most specialised (fewest activities) to the most general, for work that `activity`
// needs: specialists take it first, so hybrids keep their hours for what only they can do.
std::vector<std::size_t> roles_for(const std::vector<TeamRole>& roles, unsigned activity) {
  std::vector<std::size_t> order;
  for (std::size_t r = 0; r < roles.size(); ++r)
    if (roles[r].activities & activity) order.push_back(r);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::popcount(roles[a].activities) < std::popcount(roles[b].activities);
  });
  return order;
}

// Hours of `needs` over the activities of `set`, and of the roles that may do any of them.
double need_of(const ActivityHoursArray& needs, unsigned set) {
  double need = 0.0;
  for (int a = 0; a < kActivityCount; ++a)
    if (set & (1u << a)) need += needs[static_cast<std::size_t>(a)];
  return need;
}
double capacity_of(const std::vector<TeamRole>& roles, unsigned set) {
  double capacity = 0.0;
  for (const auto& role : roles)
    if (role.activities & set) capacity += role.hours_per_period;
  return capacity;
}

}  // namespace

unsigned role_activities(const std::string& role) {
  const std::string name = lower(role);
  if (name == "content creator") return activity_bit(Activity::kContent);
  if (name == "community manager") return activity_bit(Activity::kCommunity);
  if (name == "paid media specialist") return activity_bit(Activity::kCampaigns);
  if (name == "social data analyst") return activity_bit(Activity::kStrategy);
  return kAllActivities;  // a social media manager, or a hybrid the field has no single name for
}

const char* activity_name(Activity a) {
  switch (a) {
    case Activity::kContent:
      return "content";
    case Activity::kCommunity:
      return "community";
    case Activity::kCampaigns:
      return "campaigns";
    case Activity::kStrategy:
      return "strategy";
  }
  return "";
}

SetCapacities::SetCapacities(const std::vector<TeamRole>& roles) {
  for (unsigned set = 1; set <= kAllActivities; ++set) hours[set] = capacity_of(roles, set);
}

double SetCapacities::shortfall(const ActivityHoursArray& needs) const {
  // Each set's need is a smaller set's plus its highest activity: the sum need_of() makes, in its order.
  std::array<double, kAllActivities + 1> need{};
  double worst = 0.0;
  for (unsigned set = 1; set <= kAllActivities; ++set) {
    const unsigned highest = std::bit_floor(set);
    need[set] = need[set ^ highest] + needs[static_cast<std::size_t>(std::countr_zero(highest))];
    worst = std::max(worst, need[set] - hours[set]);
  }
  return worst;
}

double TeamPlan::shortfall(const ActivityHoursArray& needs) const {
  return SetCapacities(roles).shortfall(needs);
}

double TeamPlan::content_hours_available(const ActivityHoursArray& other) const {
  std::vector<double> free(roles.size());
  for (std::size_t r = 0; r < roles.size(); ++r) free[r] = roles[r].hours_per_period;
  for (const Activity a : {Activity::kCampaigns, Activity::kStrategy}) {
    double need = other[static_cast<std::size_t>(a)];
    for (const std::size_t r : roles_for(roles, activity_bit(a))) {
      const double hours = std::min(need, free[r]);
      free[r] -= hours, need -= hours;
    }
  }
  double content = 0.0;
  const unsigned community = activity_bit(Activity::kCommunity);
  for (std::size_t r = 0; r < roles.size(); ++r) {
    if (!(roles[r].activities & activity_bit(Activity::kContent))) continue;
    content += (roles[r].activities & community) ? free[r] * (1.0 - community_reserve) : free[r];
  }
  return content;
}

TeamUse TeamPlan::use(const ActivityHoursArray& needs) const {
  TeamUse use;
  use.role_hours.assign(roles.size(), 0.0);
  for (const Activity a :
       {Activity::kCampaigns, Activity::kStrategy, Activity::kCommunity, Activity::kContent}) {
    double need = needs[static_cast<std::size_t>(a)];
    for (const std::size_t r : roles_for(roles, activity_bit(a))) {
      const double hours = std::min(need, roles[r].hours_per_period - use.role_hours[r]);
      use.role_hours[r] += hours, need -= hours;
    }
  }
  use.unmet = shortfall(needs);
  // The set of activities whose needs press hardest on the roles that may do them.
  unsigned binding = 0;
  for (unsigned set = 1; set <= kAllActivities; ++set) {
    const double need = need_of(needs, set), capacity = capacity_of(roles, set);
    if (need <= 0.0) continue;
    const double load = capacity > 0.0 ? need / capacity : std::numeric_limits<double>::infinity();
    if (binding == 0 || load > use.binding_load) binding = set, use.binding_load = load;
  }
  for (std::size_t r = 0; r < roles.size(); ++r)
    if (roles[r].activities & binding) use.binding_roles.push_back(r);
  return use;
}

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
  plan.fixed = team.fixed() || scenario.budget().covers() == v1::Budget::MEDIA_ONLY;
  if (team.has_community_reserve()) plan.community_reserve = team.community_reserve();
  auto members = team_preset(team.preset());
  members.insert(members.end(), team.members().begin(), team.members().end());
  const double hours_per_week = team.has_hours_per_fte_week() ? team.hours_per_fte_week() : 32.0;
  const double hours_per_fte = hours_per_week * scenario.horizon().period_days() / 7.0;
  double fte = 0.0, cost = 0.0;
  for (const auto& m : members) {
    fte += m.fte();
    cost += m.fte() * m.hourly_cost();
    auto same = std::find_if(plan.roles.begin(), plan.roles.end(),
                             [&](const TeamRole& r) { return lower(r.name) == lower(m.role()); });
    if (same == plan.roles.end()) {
      plan.roles.push_back({m.role().empty() ? "member" : m.role(), role_activities(m.role()), 0.0});
      same = plan.roles.end() - 1;
    }
    same->hours_per_period += m.fte() * hours_per_fte;
  }
  plan.capacity_per_period = fte * hours_per_fte;
  plan.hourly_rate = fte > 0.0 ? cost / fte : 0.0;
  const auto& h = team.hours();
  if (h.has_simple_post()) plan.hours_per_post[v1::SIMPLE] = h.simple_post();
  if (h.has_crafted_post()) plan.hours_per_post[v1::CRAFTED] = h.crafted_post();
  if (h.has_video_post()) plan.hours_per_post[v1::VIDEO] = h.video_post();
  plan.hours_per_post[v1::POST_FORMAT_UNSPECIFIED] = plan.hours_per_post[v1::CRAFTED];
  if (h.has_community_per_1000_engagements()) {
    plan.community_per_1000_engagements = h.community_per_1000_engagements();
    plan.community_counts_every_engagement = true;
  }
  if (h.has_community_per_1000_replies()) plan.community_per_1000_replies = h.community_per_1000_replies();
  if (h.has_paid_campaign_per_period()) plan.paid_campaign_per_period = h.paid_campaign_per_period();
  if (h.has_strategy_per_period()) plan.strategy_per_period = h.strategy_per_period();
  return plan;
}

}  // namespace splitsim
