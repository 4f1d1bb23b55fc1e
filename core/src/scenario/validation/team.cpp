// Checks the team: its people, its hours per activity and, for a fixed team, its cost against the budget.
#include <cmath>
#include <cstddef>
#include <string>

#include "base/did_you_mean.hpp"
#include "scenario/limits.hpp"
#include "scenario/team_plan.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// The people of the preset and of the member list; returns how many there are (an unknown preset adds none).
std::size_t check_members(const v1::Team& team, const FieldPath& path, Problems& problems) {
  std::size_t members = 0;
  if (!team.preset().empty()) {
    members = team_preset(team.preset()).size();
    if (members == 0) {
      problems.add(path.child("preset"), "unknown team preset '" + team.preset() + "'" +
                                             did_you_mean(team.preset(), team_preset_names()) +
                                             "; presets: " + known_names(team_preset_names()));
    }
  }
  for (int i = 0; i < team.members_size(); ++i) {
    const auto& m = team.members(i);
    const auto member = path.child("members", i);
    if (!(std::isfinite(m.fte()) && m.fte() > 0.0)) {
      problems.add(member.child("fte"), "must be > 0 full-time equivalents (got " + num(m.fte()) + ")");
    } else if (m.fte() > kMaxMemberFte) {
      problems.add(member.child("fte"), "must be at most " +
                                            std::to_string(static_cast<long>(kMaxMemberFte)) +
                                            " full-time equivalents (got " + num(m.fte()) +
                                            "): the team's hours and cost would overflow");
    }
    if (!(std::isfinite(m.hourly_cost()) && m.hourly_cost() > 0.0)) {
      problems.add(member.child("hourly_cost"),
                   "must be a positive cost per hour (got " + num(m.hourly_cost()) + ")");
    } else if (m.hourly_cost() < kMinUnitCost) {
      problems.add(member.child("hourly_cost"),
                   "must be at least " + num(kMinUnitCost) + " (a millionth of the currency; got " +
                       num(m.hourly_cost()) + "): cheaper hours would be bought beyond counting");
    } else {
      check_money_limit(m.hourly_cost(), member.child("hourly_cost"), problems);
    }
    ++members;
  }
  return members;
}

// Hours are optional overrides of the defaults: only the ones given are checked.
void check_hours(const v1::Team& team, const FieldPath& path, Problems& problems) {
  if (team.has_hours_per_fte_week() &&
      !(std::isfinite(team.hours_per_fte_week()) && team.hours_per_fte_week() > 0.0 &&
        team.hours_per_fte_week() <= 80.0)) {
    problems.add(path.child("hours_per_fte_week"),
                 "must be between 0 (excluded) and 80 (got " + num(team.hours_per_fte_week()) + ")");
  }
  const auto& h = team.hours();
  const auto hours = path.child("hours");
  // Every post takes some time; community and campaign work may be left out. Outside [kMinTaskHours,
  // kMaxTaskHours] the posts bought, or the hours worked, overflow (limits.hpp).
  auto at_most_a_year = [&](double value, const char* name) {
    if (value > kMaxTaskHours) {
      problems.add(hours.child(name),
                   "must be at most " + num(kMaxTaskHours) + " hours, a year (got " + num(value) + ")");
    }
  };
  auto positive = [&](bool has, double value, const char* name) {
    if (!has) return;
    if (!(std::isfinite(value) && value > 0.0)) {
      problems.add(hours.child(name), "must be > 0 hours (got " + num(value) + ")");
    } else if (value < kMinTaskHours) {
      problems.add(hours.child(name), "must be at least 1 second, " + num(kMinTaskHours) + " hours (got " +
                                          num(value) + "): faster posts would be bought beyond counting");
    } else {
      at_most_a_year(value, name);
    }
  };
  auto non_negative = [&](bool has, double value, const char* name) {
    if (!has) return;
    if (!(std::isfinite(value) && value >= 0.0)) {
      problems.add(hours.child(name), "must be >= 0 hours (got " + num(value) + ")");
    } else {
      at_most_a_year(value, name);
    }
  };
  positive(h.has_simple_post(), h.simple_post(), "simple_post");
  positive(h.has_crafted_post(), h.crafted_post(), "crafted_post");
  positive(h.has_video_post(), h.video_post(), "video_post");
  non_negative(h.has_community_per_1000_engagements(), h.community_per_1000_engagements(),
               "community_per_1000_engagements");
  non_negative(h.has_paid_campaign_per_period(), h.paid_campaign_per_period(), "paid_campaign_per_period");
  non_negative(h.has_community_per_1000_replies(), h.community_per_1000_replies(),
               "community_per_1000_replies");
  non_negative(h.has_strategy_per_period(), h.strategy_per_period(), "strategy_per_period");
  // All of a hybrid's free hours kept for replies would leave a fixed team no posts at all.
  if (team.has_community_reserve() && !(std::isfinite(team.community_reserve()) &&
                                        team.community_reserve() >= 0.0 && team.community_reserve() < 1.0)) {
    problems.add(path.child("community_reserve"),
                 "must be in [0, 1) (got " + num(team.community_reserve()) + ")");
  }
}

// A fixed team is paid whatever the plan: if it costs more than the whole budget, no plan can exist. (With a
// media-only budget the team is paid elsewhere, so its cost bounds nothing.)
void check_fixed_cost(const v1::Scenario& s, const FieldPath& path, Problems& problems) {
  if (s.budget().covers() == v1::Budget::MEDIA_ONLY) return;
  const double cost = resolve_team(s).horizon_cost(s.horizon().periods());
  if (cost > s.budget().total()) {
    problems.add(path.child("fixed"), "the fixed team costs " + num(cost) + " " + s.budget().currency() +
                                          " over the horizon, more than the whole budget of " +
                                          num(s.budget().total()) +
                                          ": if the team is paid outside this budget, use budget { covers: "
                                          "MEDIA_ONLY }");
  }
}

}  // namespace

void check_team(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  if (!s.has_team()) return;  // without a team, channels price their posts themselves
  const auto path = root.child("team");
  const auto& team = s.team();
  const std::size_t members = check_members(team, path, problems);
  if (members == 0) {
    problems.add(path, "a team needs people: a preset (solo, small, mid, enterprise) or members");
  }
  check_hours(team, path, problems);
  if (team.fixed() && members > 0 && s.budget().total() > 0.0) check_fixed_cost(s, path, problems);
}

}  // namespace splitsim::validation
