// The team whose hours organic effort costs: presets, roles and the activities each may do, activity hours,
// capacity per role and hourly cost, and whether the plan's needs fit in its hours.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "scenario.pb.h"

namespace splitsim {

// What a team's hours go to, as the field plans them (one role per activity in a large team).
enum class Activity { kContent, kCommunity, kCampaigns, kStrategy };
inline constexpr int kActivityCount = 4;
using ActivityHoursArray = std::array<double, kActivityCount>;
inline constexpr unsigned activity_bit(Activity a) { return 1u << static_cast<int>(a); }
inline constexpr unsigned kAllActivities = (1u << kActivityCount) - 1;

// The activities a role may do: a content creator makes posts, a community manager answers, a paid media
// specialist runs campaigns, a social data analyst does reporting; a social media manager (and any role
// name splitsim does not know) is a hybrid who may do all four, as in small teams.
unsigned role_activities(const std::string& role);
const char* activity_name(Activity a);  // "content", "community", "campaigns", "strategy"

// The members sharing one role name, with their hours per period.
struct TeamRole {
  std::string name;
  unsigned activities = kAllActivities;
  double hours_per_period = 0.0;
};

// How the hours a plan needs in one period fit the roles: hours each role works, hours left unmet and the
// roles that bind (those who could do the activities short of hours, or, with no shortfall, those closest to
// their capacity).
struct TeamUse {
  std::vector<double> role_hours;  // per role of TeamPlan::roles
  double unmet = 0.0;              // needed hours no role could work
  std::vector<std::size_t> binding_roles;
  double binding_load = 0.0;  // needed / capacity of the activities that bind (above 1: a shortfall)
};

// The hours of the roles that may do any activity of each set of activities (indexed by the set's bits),
// summed once for the many trial-periods that share one team; shortfall() is TeamPlan::shortfall's bound
// against them, to the same bits.
struct SetCapacities {
  explicit SetCapacities(const std::vector<TeamRole>& roles);
  double shortfall(const ActivityHoursArray& needs) const;

  std::array<double, kAllActivities + 1> hours{};
};

// A scenario's team resolved into the figures the plan and the engine need.
struct TeamPlan {
  bool present = false;  // false: channels price posts with cost_per_post
  // The team is paid whatever the split: a fixed team (its cost is the organic budget) or one paid outside a
  // media-only budget. Its hours, not money, decide the posts.
  bool fixed = false;
  double capacity_per_period = 0.0;                 // productive hours per period, all roles
  double hourly_rate = 0.0;                         // blended cost per hour (FTE-weighted)
  double hours_per_post[4] = {4.0, 0.5, 4.0, 6.0};  // by PostFormat (UNSPECIFIED means CRAFTED)
  // Community hours per 1,000 engagements when the scenario gives community_per_1000_engagements (every
  // engagement counts); otherwise per 1,000 replies, each channel's engagements x its reply share.
  double community_per_1000_engagements = 2.0;
  bool community_counts_every_engagement = false;
  double community_per_1000_replies = 40.0;
  double paid_campaign_per_period = 2.0;  // per channel with paid spend
  double strategy_per_period = 1.0;       // per channel with paid spend or posts
  double community_reserve = 0.25;        // a fixed team's hybrids keep this share of free hours for replies
  std::vector<TeamRole> roles;            // in order of first appearance (preset, then members)

  double post_hours(v1::PostFormat format) const { return hours_per_post[static_cast<int>(format)]; }
  // The team's cost over the horizon (all of its capacity, paid at its rate).
  double horizon_cost(int periods) const { return capacity_per_period * periods * hourly_rate; }
  // Hours per 1,000 engagements of a channel whose plugin says `reply_share` of them need a reply.
  double community_hours_per_1000(double reply_share) const {
    return community_counts_every_engagement ? community_per_1000_engagements
                                             : community_per_1000_replies * reply_share;
  }
  // Hours of one period's needs that no role can work (0 when the team can staff them). Exact: the largest
  // excess, over every set of activities, of their needs above the hours of the roles that may do any of them
  // (Hall's condition, the max-flow bound of assigning hours to roles).
  double shortfall(const ActivityHoursArray& needs) const;
  // The hours a fixed team can put into posts in a period when campaigns and strategy need `other` hours:
  // specialists take those first, hybrids what is left, and hybrids who also answer the community keep
  // community_reserve of their free hours for it.
  double content_hours_available(const ActivityHoursArray& other) const;
  // How one period's needs are shared between the roles (specialists first), for the results.
  TeamUse use(const ActivityHoursArray& needs) const;
};

// Bundled team sizes, as the field reports them: one person; two; a mid-size team of 3-5; enterprise 11+.
// Hourly costs: social media manager ~$34/h, specialist ~$28/h (Zippia); analyst ~$30/h (BLS PR median).
std::vector<v1::TeamMember> team_preset(const std::string& name);  // empty for an unknown name
std::vector<std::string> team_preset_names();

// Resolves the scenario's team (preset members plus listed members, defaults for unset hours). A media-only
// budget makes the team fixed: it is paid whatever the split.
TeamPlan resolve_team(const v1::Scenario& scenario);

}  // namespace splitsim
