// Checks the channels: how many, unique names, each one's shares, organic cost and plugin, and share sums.
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "base/did_you_mean.hpp"
#include "scenario/limits.hpp"
#include "scenario/share_bounds.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// Today's posts per week: far above what any account publishes is a typing error (e.g. a month's count).
constexpr double kMaxCurrentPostsPerWeek = 10000.0;

// Without a team each channel prices its posts; with one, the team's hours do and a price would clash.
void check_organic_cost(const v1::Channel& channel, const FieldPath& path, bool organic_possible,
                        bool has_team, Problems& problems) {
  const auto where = path.child("organic").child("cost_per_post");
  const double cost = channel.organic().cost_per_post();
  if (!std::isfinite(cost) || cost < 0.0) {
    problems.add(where, "must be a finite amount >= 0 (got " + num(cost) + ")");
  } else if (cost > kMaxMoney) {
    check_money_limit(cost, where, problems);
  } else if (cost > 0.0 && cost < kMinUnitCost) {
    problems.add(where, "must be at least " + num(kMinUnitCost) +
                            " (a millionth of the currency) when given (got " + num(cost) +
                            "): cheaper posts would be bought beyond counting");
  } else if (has_team && cost > 0.0) {
    problems.add(where,
                 "with a team, posts are priced by the team's hours: remove cost_per_post and give the post "
                 "format instead, e.g. organic { format: VIDEO }");
  } else if (!has_team && organic_possible && bound_max(channel.organic_share()) > 0.0 && cost == 0.0) {
    problems.add(where,
                 "is required (> 0) because this channel can receive organic budget; set organic_share "
                 "{ max: 0 } to keep it paid only, or describe the team (team { preset: \"solo\" })");
  }
}

// The channel's plugin, or nullptr after reporting why there is none (with any load failure of that name).
const LoadedPlugin* find_plugin(const v1::Channel& channel, const FieldPath& path,
                                const PluginRegistry& registry, Problems& problems) {
  if (channel.plugin().empty()) {
    problems.add(path.child("plugin"), "a channel needs a plugin (see `splitsim plugins list`)");
    return nullptr;
  }
  const auto* plugin = registry.find(channel.plugin());
  if (plugin) return plugin;
  // Plugins load when first named: the search path's names, not the loaded ones, are what is available.
  const auto names = registry.available_names();
  std::string message = "unknown plugin '" + channel.plugin() + "'" + did_you_mean(channel.plugin(), names) +
                        "; available: " + known_names(names);
  if (const auto* failure = registry.failure_for(channel.plugin())) {
    message += "; note: " + failure->to_string();
  }
  problems.add(path.child("plugin"), message);
  return nullptr;
}

void check_channel(const v1::Channel& channel, const FieldPath& path, bool organic_possible, bool has_team,
                   const PluginRegistry& registry, Problems& problems) {
  if (channel.name().empty()) problems.add(path.child("name"), "a channel needs a name");
  check_bounds(channel.paid_share(), path.child("paid_share"), problems);
  check_bounds(channel.organic_share(), path.child("organic_share"), problems);
  check_organic_cost(channel, path, organic_possible, has_team, problems);
  if (channel.has_current_posts_per_week() &&
      !(std::isfinite(channel.current_posts_per_week()) && channel.current_posts_per_week() >= 0.0 &&
        channel.current_posts_per_week() <= kMaxCurrentPostsPerWeek)) {
    problems.add(path.child("current_posts_per_week"), "must be a number of posts in [0, " +
                                                           num(kMaxCurrentPostsPerWeek) + "] (got " +
                                                           num(channel.current_posts_per_week()) + ")");
  }
  if (const auto* plugin = find_plugin(channel, path, registry, problems)) {
    check_parameters(channel, *plugin, path, problems);
  }
}

// Channel shares must be able to sum to exactly 1 within their bounds.
void check_shares_can_sum(const v1::Scenario& s, bool paid, const FieldPath& root, Problems& problems) {
  double min_sum = 0.0, max_sum = 0.0;
  for (const auto& channel : s.channels()) {
    const auto& bounds = paid ? channel.paid_share() : channel.organic_share();
    min_sum += bound_min(bounds);
    max_sum += bound_max(bounds);
  }
  const std::string which = paid ? "paid_share" : "organic_share";
  const auto where = root.child("channels", 0).child(which);
  if (min_sum > 1.0 + 1e-9) {
    problems.add(where, "the channels' minimum " + which + "s add up to " + num(min_sum) +
                            ", more than the whole budget (1)");
  }
  if (max_sum < 1.0 - 1e-9) {
    problems.add(where, "the channels' maximum " + which + "s add up to " + num(max_sum) +
                            ", so the budget cannot be fully allocated");
  }
}

}  // namespace

void check_channels(const v1::Scenario& s, const FieldPath& root, const PluginRegistry& registry,
                    Problems& problems) {
  if (s.channels_size() == 0) {
    problems.add(root.child("channels"), "a scenario needs at least one channel");
  } else if (s.channels_size() > kMaxChannels) {
    problems.add(root.child("channels"), "at most " + std::to_string(kMaxChannels) + " channels (got " +
                                             std::to_string(s.channels_size()) + ")");
  }
  // A budget side no share can reach puts no demands on the channels' bounds for it.
  // A media-only budget without a team has no organic side at all: nobody posts and no money buys posts.
  const bool media_only_alone = s.budget().covers() == v1::Budget::MEDIA_ONLY && !s.has_team();
  const bool organic_possible = bound_max(s.search().organic_share()) > 0.0 && !media_only_alone;
  const bool paid_possible = bound_min(s.search().organic_share()) < 1.0;
  std::set<std::string> names;
  for (int i = 0; i < s.channels_size(); ++i) {
    const auto path = root.child("channels", i);
    if (!s.channels(i).name().empty() && !names.insert(s.channels(i).name()).second) {
      problems.add(path.child("name"), "channel name '" + s.channels(i).name() + "' is used twice");
    }
    check_channel(s.channels(i), path, organic_possible, s.has_team(), registry, problems);
  }
  if (s.channels_size() > 0) {
    if (paid_possible) check_shares_can_sum(s, true, root, problems);
    if (organic_possible) check_shares_can_sum(s, false, root, problems);
  }
}

}  // namespace splitsim::validation
