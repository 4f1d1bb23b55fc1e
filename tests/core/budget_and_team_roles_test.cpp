// What the budget covers (media only or all in), and the team by role: which activities each role may do,
// community work from the engagements that need a reply, and plans a fixed team can staff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "base/errors.hpp"
#include "engine/engine.hpp"
#include "run/scenario_run.hpp"
#include "scenario/allocation.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"
#include "search/grid.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

// Deterministic: 100 paid impressions per unit of spend, 1,000 organic impressions per post; one engagement
// and one click per 100 impressions, one conversion per 1,000; reach = reach_share x audience in period 0.
void linear_model(const SimulationBlock& block, const OutputBuffers& out) {
  for (std::size_t i = 0; i < block.trials; ++i) {
    out.audience[i] = block.param(0, i);
    for (std::size_t t = 0; t < block.periods; ++t) {
      const double paid = 100.0 * block.plan.paid_spend[t];
      const double organic = 1000.0 * block.plan.organic_posts[t];
      out.row(Output::kSpend, i)[t] = block.plan.paid_spend[t];
      out.row(Output::kPaidImpressions, i)[t] = paid;
      out.row(Output::kOrganicImpressions, i)[t] = organic;
      out.row(Output::kReach, i)[t] =
          t == 0 ? std::min(block.param(1, i) * out.audience[i], paid + organic) : 0.0;
      out.row(Output::kEngagements, i)[t] = (paid + organic) / 100.0;
      out.row(Output::kClicks, i)[t] = (paid + organic) / 100.0;
      out.row(Output::kConversions, i)[t] = (paid + organic) / 1000.0;
      out.row(Output::kFollowersGained, i)[t] = 0.0;
    }
  }
}

// The linear model; with `reply_share` >= 0 it declares that parameter, as the bundled feed plugins do.
PluginInfo linear_info(double reply_share = -1.0) {
  PluginInfo info{"linear", "1.0", "test model", {}};
  info.params = {{"audience", "people", Distribution::fixed(1e6), 1, 1e9, ""},
                 {"reach_share", "fraction", Distribution::fixed(0.1), 0, 1, ""}};
  if (reply_share >= 0.0)
    info.params.push_back(
        {"reply_share", "replies per engagement", Distribution::fixed(reply_share), 0, 1, ""});
  return info;
}

struct World {
  PluginRegistry registry;
  LoadedScenario loaded;
  ResolvedScenario scenario;
  explicit World(const std::string& text, PluginInfo info = linear_info()) {
    registry.add(testing::make_platform(std::move(info), linear_model));
    loaded = parse_scenario(text, false, "s.textproto");
    validate_scenario(loaded, registry);
    scenario = resolve_scenario(loaded, registry);
  }
  TrialKpis simulate(const CandidateSplit& split) const {
    return Engine(scenario, TrialSet::kSearch).simulate(split);
  }
};

double total(const TrialKpis& kpis, v1::Kpi kpi) { return kpis.totals[kpi_index(kpi)][0]; }

std::string problems(const std::string& text) {
  PluginRegistry registry;
  registry.add(testing::make_platform(linear_info(), linear_model));
  try {
    validate_scenario(parse_scenario(text, false, "s.textproto"), registry);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

double mean_of(const v1::Candidate& candidate, v1::Kpi kpi) {
  for (const auto& k : candidate.kpis())
    if (k.kpi() == kpi) return k.mean();
  ADD_FAILURE() << "no " << v1::Kpi_Name(kpi);
  return NAN;
}

// One social media manager on payroll (30 h a week at 30 an hour) and 10,000 of media money.
constexpr const char* kMediaOnly = R"(
budget { total: 10000 covers: MEDIA_ONLY } horizon { periods: 4 period_days: 7 }
objective { kpi: CONVERSIONS } trials: 2 value_per_conversion: 50
team { members { role: "social media manager" fte: 1 hourly_cost: 30 } hours_per_fte_week: 30 }
channels { name: "a" plugin: "linear" organic { format: CRAFTED } }
channels { name: "b" plugin: "linear" organic { format: CRAFTED } }
)";

TEST(MediaOnlyBudget, TheTeamsCostStaysOutOfTheMediaSplitAndCountsInTheAllInKpis) {
  const World w(kMediaOnly);
  // Every candidate spends the whole budget on media: there is no organic share to take from it.
  for (const auto& c : generate_candidates(w.scenario)) EXPECT_EQ(c.organic_share, 0.0);
  const CandidateSplit split{0.0, {1.0, 0.0}, {0.0, 0.0}};
  const Allocation a = allocate(w.scenario, split);
  EXPECT_DOUBLE_EQ(a.paid_budget, 10000.0);
  EXPECT_DOUBLE_EQ(a.organic_budget, 0.0);
  // 30 h a period: campaigns on a (2 h) and strategy on both channels (1 h each) leave 26 h; the hybrid keeps
  // a quarter for replies, so 19.5 h of posts a period, shared evenly: 2.4375 crafted posts per channel.
  EXPECT_DOUBLE_EQ(a.channels[0].posts_per_period, 19.5 / 2 / 4.0);
  EXPECT_DOUBLE_EQ(a.channels[1].posts_per_period, 19.5 / 2 / 4.0);

  const auto kpis = w.simulate(split);
  const double team_cost = 30.0 * 4 * 30.0;                 // 3,600 over the horizon
  const double conversions = (1e6 + 19.5 * 1000.0) / 1000;  // paid and organic impressions / 1,000
  EXPECT_DOUBLE_EQ(total(kpis, v1::PAID_SPEND), 10000.0);
  EXPECT_DOUBLE_EQ(total(kpis, v1::ORGANIC_COST), team_cost);
  EXPECT_DOUBLE_EQ(total(kpis, v1::TOTAL_COST), 10000.0 + team_cost);
  EXPECT_DOUBLE_EQ(total(kpis, v1::CONVERSIONS), conversions);
  EXPECT_DOUBLE_EQ(total(kpis, v1::MEDIA_CPA), 10000.0 / conversions);
  EXPECT_DOUBLE_EQ(total(kpis, v1::CPA), (10000.0 + team_cost) / conversions);
  EXPECT_DOUBLE_EQ(total(kpis, v1::MEDIA_CPC), 10000.0 / (conversions * 10));
  EXPECT_DOUBLE_EQ(total(kpis, v1::CPC), (10000.0 + team_cost) / (conversions * 10));
  EXPECT_DOUBLE_EQ(total(kpis, v1::MEDIA_ROAS), conversions * 50 / 10000.0);
  EXPECT_DOUBLE_EQ(total(kpis, v1::ROAS), conversions * 50 / (10000.0 + team_cost));
}

TEST(MediaOnlyBudget, AllInStaysTheDefaultAndItsMediaKpisCountPaidSpendOnly) {
  const World w(R"(budget { total: 10000 } horizon { periods: 4 } objective { kpi: CONVERSIONS } trials: 2
    channels { name: "a" plugin: "linear" organic { cost_per_post: 100 } })");
  EXPECT_FALSE(w.scenario.media_only);
  // 8,000 paid (800 conversions) and 2,000 organic (20 posts, 20 conversions).
  const auto kpis = w.simulate({0.2, {1.0}, {1.0}});
  EXPECT_DOUBLE_EQ(total(kpis, v1::TOTAL_COST), 10000.0);
  EXPECT_DOUBLE_EQ(total(kpis, v1::CPA), 10000.0 / 820.0);
  EXPECT_DOUBLE_EQ(total(kpis, v1::MEDIA_CPA), 8000.0 / 820.0);
}

TEST(MediaOnlyBudget, RefusesPostsBoughtWithMediaMoneyAndAcceptsATeamDearerThanTheBudget) {
  const std::string head =
      "budget { total: 5000 covers: MEDIA_ONLY } horizon { periods: 4 }\n"
      "objective { kpi: CLICKS }\n";
  EXPECT_NE(problems(head + "channels { name: \"a\" plugin: \"linear\" organic { cost_per_post: 5 } }")
                .find("channels[0].organic.cost_per_post: a MEDIA_ONLY budget pays for media only"),
            std::string::npos);
  EXPECT_NE(
      problems(head + "search { organic_share { min: 0.1 } }\nchannels { name: \"a\" plugin: \"linear\" }")
          .find("search.organic_share.min"),
      std::string::npos);
  // Paid media only, no team: nothing to refuse, and no organic price asked for even when the organic share
  // is left at its default (nobody posts, so nothing is bought).
  EXPECT_EQ(
      problems(head + "channels { name: \"a\" plugin: \"linear\" }\nsearch { organic_share { max: 0 } }"),
      "");
  EXPECT_EQ(problems(head + "channels { name: \"a\" plugin: \"linear\" }"), "");
  // An enterprise team costs far more than 5,000: on payroll, that is no reason to refuse the plan...
  EXPECT_EQ(problems(head + "team { preset: \"enterprise\" }\nchannels { name: \"a\" plugin: \"linear\" }"),
            "");
  // ...but out of an all-in budget it is, and the message says what to write instead.
  EXPECT_NE(
      problems("budget { total: 5000 } horizon { periods: 4 } objective { kpi: CLICKS }\n"
               "team { preset: \"enterprise\" fixed: true }\nchannels { name: \"a\" plugin: \"linear\" }")
          .find("covers: MEDIA_ONLY"),
      std::string::npos);
  EXPECT_NE(problems(head + "team { preset: \"solo\" community_reserve: 1 }\nchannels { name: \"a\" plugin: "
                            "\"linear\" }")
                .find("team.community_reserve: must be in [0, 1)"),
            std::string::npos);
}

TEST(TeamRoles, KnownRolesMapToTheirActivitiesAndOthersAreHybrids) {
  EXPECT_EQ(role_activities("Content Creator"), activity_bit(Activity::kContent));
  EXPECT_EQ(role_activities("community manager"), activity_bit(Activity::kCommunity));
  EXPECT_EQ(role_activities("paid media specialist"), activity_bit(Activity::kCampaigns));
  EXPECT_EQ(role_activities("social data analyst"), activity_bit(Activity::kStrategy));
  EXPECT_EQ(role_activities("social media manager"), kAllActivities);
  EXPECT_EQ(role_activities("marketer"), kAllActivities);
}

TEST(TeamRoles, AShortfallIsWhatOnlyTheRolesAbleToDoTheWorkCannotWork) {
  TeamPlan team;
  team.present = true;
  team.roles = {{"content creator", role_activities("content creator"), 30.0},
                {"community manager", role_activities("community manager"), 10.0}};
  // 35 h needed of 40: enough in all, but the community manager alone may answer 15 h of replies.
  const ActivityHoursArray needs{20.0, 15.0, 0.0, 0.0};
  EXPECT_DOUBLE_EQ(team.shortfall(needs), 5.0);
  const TeamUse use = team.use(needs);
  EXPECT_DOUBLE_EQ(use.unmet, 5.0);
  EXPECT_DOUBLE_EQ(use.role_hours[0], 20.0);
  EXPECT_DOUBLE_EQ(use.role_hours[1], 10.0);
  ASSERT_EQ(use.binding_roles.size(), 1u);
  EXPECT_EQ(team.roles[use.binding_roles[0]].name, "community manager");
  EXPECT_DOUBLE_EQ(use.binding_load, 1.5);
  // A hybrid who may do both closes the gap: no shortfall, and the binding role is the fullest one.
  team.roles.push_back({"social media manager", kAllActivities, 5.0});
  EXPECT_DOUBLE_EQ(team.shortfall(needs), 0.0);
  EXPECT_DOUBLE_EQ(team.use(needs).unmet, 0.0);
}

// The bound summed once per team gives, to the bit, the largest excess of each set of activities' needs
// (added in activity order) over the hours of the roles that may do any of them, for any roles and needs.
TEST(TeamRoles, SetCapacitiesGiveTheHallBoundOfEverySetToTheBit) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> hours(0.0, 40.0);
  std::uniform_int_distribution<unsigned> activities(1, kAllActivities);
  for (int round = 0; round < 2000; ++round) {
    std::vector<TeamRole> roles(1 + round % 5);
    for (auto& role : roles) role = {"r", activities(random), hours(random)};
    ActivityHoursArray needs{};
    for (auto& need : needs) need = round % 7 == 0 ? 0.0 : hours(random) * 1.7;
    double expected = 0.0;
    for (unsigned set = 1; set <= kAllActivities; ++set) {
      double need = 0.0, capacity = 0.0;
      for (int a = 0; a < kActivityCount; ++a)
        if (set & (1u << a)) need += needs[static_cast<std::size_t>(a)];
      for (const auto& role : roles)
        if (role.activities & set) capacity += role.hours_per_period;
      expected = std::max(expected, need - capacity);
    }
    ASSERT_EQ(SetCapacities(roles).shortfall(needs), expected) << "round " << round;
    TeamPlan team;
    team.roles = roles;
    ASSERT_EQ(team.shortfall(needs), expected) << "round " << round;
  }
}

TEST(TeamRoles, ResultsReportHoursByActivityAndTheShortfallByRole) {
  // A content creator and a community manager, 10 h a period each; crafted posts on a (4 h each).
  const World w(R"(budget { total: 10000 } horizon { periods: 2 period_days: 7 } objective { kpi: CLICKS }
    trials: 2
    team { members { role: "content creator" fte: 1 hourly_cost: 20 }
           members { role: "community manager" fte: 1 hourly_cost: 20 } hours_per_fte_week: 10 }
    channels { name: "a" plugin: "linear" organic { format: CRAFTED } })");
  ASSERT_EQ(w.scenario.team.roles.size(), 2u);
  // Organic 4% = 400 -> 20 h of posts (5 posts, 5,000 impressions); paid 9,600 -> 960,000 impressions.
  const auto kpis = w.simulate({0.04, {1.0}, {1.0}});
  const double engagements = (960'000.0 + 5'000.0) / 100.0;
  EXPECT_DOUBLE_EQ(total(kpis, v1::CONTENT_HOURS), 20.0);
  EXPECT_DOUBLE_EQ(total(kpis, v1::CAMPAIGN_HOURS), 2.0 * 2);
  EXPECT_DOUBLE_EQ(total(kpis, v1::STRATEGY_HOURS), 1.0 * 2);
  // The plugin declares no reply share: one engagement in 20, at 40 h per 1,000 replies.
  EXPECT_NEAR(total(kpis, v1::COMMUNITY_HOURS), engagements * 0.05 * 40.0 / 1000.0, 1e-9);
  EXPECT_NEAR(total(kpis, v1::TEAM_HOURS), 20.0 + 4.0 + 2.0 + engagements * 0.05 * 40.0 / 1000.0, 1e-9);
  // 9.65 h of replies a period fit the community manager's 10 h and the posts the creator's 10 h, but nobody
  // may run campaigns or do strategy: those 3 h a period are unmet, although 0.35 h are free.
  const double community = engagements * 0.05 * 40.0 / 1000.0 / 2;
  ASSERT_LT(community, 10.0);
  EXPECT_NEAR(total(kpis, v1::TEAM_SHORTFALL_HOURS), 2 * 3.0, 1e-9);
}

TEST(TeamRoles, CommunityHoursFollowTheRepliesNotTheViews) {
  // A channel whose engagements are views: millions of them, one in 2,000 needing a reply.
  const std::string text =
      R"(budget { total: 10000 } horizon { periods: 2 } objective { kpi: CLICKS } trials: 2
    team { preset: "solo" }
    channels { name: "a" plugin: "linear" organic { format: CRAFTED } })";
  const World views(text, linear_info(0.0005));
  const World loud(text, linear_info(0.5));
  const CandidateSplit split{0.0, {1.0}, {0.0}};
  const double engagements = 1e6 / 100.0;  // 10,000 per 10,000 of spend
  EXPECT_DOUBLE_EQ(views.scenario.channels[0].reply_share, 0.0005);
  EXPECT_NEAR(total(views.simulate(split), v1::COMMUNITY_HOURS), engagements * 0.0005 * 40.0 / 1000.0, 1e-9);
  EXPECT_NEAR(total(loud.simulate(split), v1::COMMUNITY_HOURS), engagements * 0.5 * 40.0 / 1000.0, 1e-9);
  // The older figure, hours per 1,000 engagements, still counts every engagement when a scenario gives it.
  std::string every = text;
  every.replace(every.find("preset: \"solo\""), 14,
                "preset: \"solo\" hours { community_per_1000_engagements: 2 }");
  const World old(every, linear_info(0.0005));
  EXPECT_NEAR(total(old.simulate(split), v1::COMMUNITY_HOURS), engagements * 2.0 / 1000.0, 1e-9);
}

// A fixed solo team; reach is larger on "loud", whose ads draw replies beyond the team's hours, than on
// "quiet". Without a limit the plan goes to "loud"; with TEAM_SHORTFALL_HOURS <= 0 it must be staffable.
std::string fixed_team_scenario(const std::string& search, bool limit) {
  return R"(budget { total: 20000 } horizon { periods: 4 period_days: 7 } objective { kpi: REACH } trials: 4
    team { members { role: "social media manager" fte: 1 hourly_cost: 30 } fixed: true }
    channels { name: "loud" plugin: "linear" organic { format: CRAFTED }
               params { name: "reach_share" fixed: 0.3 } params { name: "reply_share" fixed: 0.5 } }
    channels { name: "quiet" plugin: "linear" organic { format: CRAFTED }
               params { name: "reply_share" fixed: 0.001 } }
    )" + search +
         (limit ? "constraints { kpi: TEAM_SHORTFALL_HOURS at_most: 0 }\n" : "");
}

void expect_staffable_when_asked(const std::string& search) {
  SCOPED_TRACE(search);
  auto run = [&](bool limit) {
    const World w(fixed_team_scenario(search, limit), linear_info(0.05));
    return run_scenario(w.loaded, w.registry, 1);
  };
  auto best = [](const v1::Results& results) {
    return results.candidates(static_cast<int>(results.recommendation().candidate_index()));
  };
  // The test can fail: the unconstrained best plan is one the team cannot staff, and the results say so.
  const auto unstaffed = run(false);
  EXPECT_GT(mean_of(best(unstaffed), v1::TEAM_SHORTFALL_HOURS), 0.0);
  const auto& short_use = unstaffed.recommendation().team_use();
  ASSERT_EQ(short_use.roles_size(), 1);
  EXPECT_EQ(short_use.binding_roles(0), "social media manager");
  EXPECT_GT(short_use.binding_load(), 1.0);
  EXPECT_DOUBLE_EQ(short_use.shortfall_hours(), mean_of(best(unstaffed), v1::TEAM_SHORTFALL_HOURS));
  const auto staffed = run(true);
  EXPECT_EQ(mean_of(best(staffed), v1::TEAM_SHORTFALL_HOURS), 0.0);
  EXPECT_GT(mean_of(best(staffed), v1::REACH), 0.0);
  // Staffable: the role works no more than it can, and nothing is unmet.
  const auto& use = staffed.recommendation().team_use();
  ASSERT_EQ(use.roles_size(), 1);
  EXPECT_LE(use.roles(0).hours_per_period(), use.roles(0).capacity_per_period() + 1e-9);
  EXPECT_DOUBLE_EQ(use.roles(0).capacity_per_period(), 32.0 * 7.0 / 7.0);
  EXPECT_EQ(use.unmet_hours_per_period(), 0.0);
  EXPECT_EQ(use.shortfall_hours(), 0.0);
}

TEST(FixedTeam, PlansAStaffablePlanWheneverOneExistsOnTheGrid) {
  expect_staffable_when_asked("search { grid { channel_step: 0.25 } }");
}

TEST(FixedTeam, PlansAStaffablePlanWheneverOneExistsWithTheOptimizer) {
  expect_staffable_when_asked("search { optimize { max_evaluations: 120 frontier: 1 } }");
}

TEST(FixedTeam, PostsAreTheHoursLeftAfterCampaignsStrategyAndTheCommunityReserve) {
  // Specialists take their own work first: the paid specialist runs campaigns, the creator's hours all go
  // to posts, and the manager (a hybrid) posts with three quarters of what strategy leaves.
  const World w(R"(budget { total: 100000 covers: MEDIA_ONLY } horizon { periods: 4 period_days: 7 }
    objective { kpi: CLICKS } trials: 2
    team { members { role: "social media manager" fte: 1 hourly_cost: 30 }
           members { role: "content creator" fte: 1 hourly_cost: 30 }
           members { role: "paid media specialist" fte: 1 hourly_cost: 30 } hours_per_fte_week: 20 }
    channels { name: "a" plugin: "linear" organic { format: SIMPLE } })");
  const Allocation a = allocate(w.scenario, {0.0, {1.0}, {0.0}});
  // Manager: 20 - 1 h strategy = 19, keeps a quarter: 14.25; creator 20: 34.25 h of 0.5 h posts.
  EXPECT_DOUBLE_EQ(a.channels[0].posts_per_period, 34.25 / 0.5);
  const auto kpis = w.simulate({0.0, {1.0}, {0.0}});
  EXPECT_DOUBLE_EQ(total(kpis, v1::ORGANIC_COST), 3 * 20.0 * 4 * 30.0);
}

}  // namespace
}  // namespace splitsim
