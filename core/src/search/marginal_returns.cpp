#include "search/marginal_returns.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "scenario/allocation.hpp"

namespace splitsim {
namespace {

constexpr double kUnlimited = std::numeric_limits<double>::infinity();

// Money that can join a part `part` of a whole `whole` before its share exceeds `max` (adding to both).
double room_below_share(double part, double whole, double max) {
  return max >= 1.0 ? kUnlimited : (max * whole - part) / (1.0 - max);
}
// Money that can leave a part of a whole before its share falls under `min` (taking from both).
double room_above_share(double part, double whole, double min) {
  return min <= 0.0 ? kUnlimited : (part - min * whole) / (1.0 - min);
}

}  // namespace

CandidateSplit with_extra_money(const ResolvedScenario& scenario, const CandidateSplit& split,
                                std::size_t channel, bool organic, double extra) {
  const Allocation allocation = allocate(scenario, split);
  std::vector<double> paid, organic_money;
  for (const auto& budget : allocation.channels) {
    paid.push_back(budget.paid_budget);
    organic_money.push_back(budget.organic_budget);
  }
  (organic ? organic_money : paid)[channel] += extra;
  return split_for_money(scenario, split, paid, organic_money, allocation.spent + extra);
}

LeverRoom lever_room(const ResolvedScenario& scenario, const CandidateSplit& split, std::size_t channel,
                     bool organic) {
  const Allocation a = allocate(scenario, split);
  const auto& limits = scenario.channels[channel];
  const double spent = a.spent, paid = a.paid_budget, organic_money = a.organic_budget;
  LeverRoom room;
  if (organic) {
    const double o_min = scenario.organic_share.min, o_max = scenario.organic_share.max;
    const double money = a.channels[channel].organic_budget;
    room.up = std::min(room_below_share(money, organic_money, limits.organic_share.max),
                       room_below_share(organic_money, spent, o_max));
    room.down = std::min({money, room_above_share(money, organic_money, limits.organic_share.min),
                          room_above_share(organic_money, spent, o_min)});
  } else {
    // The organic share's bounds are the organic side's: paid money moving it is not a paid lever's limit.
    const double money = a.channels[channel].paid_budget;
    room.up = std::min(room_below_share(money, paid, limits.paid_share.max), limits.paid_money_max - money);
    room.down = std::min(
        {money, room_above_share(money, paid, limits.paid_share.min), money - limits.paid_money_min});
  }
  room.up = std::max(0.0, room.up);
  room.down = std::max(0.0, room.down);
  return room;
}

std::vector<v1::MarginalReturn> marginal_returns(const SplitEvaluator& evaluator,
                                                 const CandidateSplit& split) {
  const auto& scenario = evaluator.scenario();
  const Allocation allocation = allocate(scenario, split);
  std::optional<double> base;  // the KPI at the split itself, for one-sided differences
  const auto mean_at = [&](std::size_t c, bool organic, double extra) {
    if (extra == 0.0) {
      if (!base) base = evaluator.objective_kpi_mean(split);
      return *base;
    }
    return evaluator.objective_kpi_mean(with_extra_money(scenario, split, c, organic, extra));
  };
  // The return of one lever per 1,000, how it was measured, and over what step.
  struct Measured {
    double per_1000;
    v1::MarginalReturn::Difference difference;
    double step;
  };
  const auto measure = [&](std::size_t c, bool organic) {
    const double money = organic ? allocation.channels[c].organic_budget : allocation.channels[c].paid_budget;
    const double step = std::max(0.01 * money, 0.001 * allocation.spent);
    const LeverRoom room = lever_room(scenario, split, c, organic);
    double up = 0.0, down = 0.0;  // the steps taken each way
    v1::MarginalReturn::Difference difference;
    if (std::min(room.up, room.down) >= 0.25 * step) {
      // Room both ways (if not a full step, most of one): central, symmetric.
      up = down = std::min({step, room.up, room.down});
      difference = v1::MarginalReturn::CENTRAL;
    } else if (room.down >= room.up && room.down >= 0.01 * step) {
      down = std::min(step, room.down);
      difference = v1::MarginalReturn::BACKWARD;
    } else if (room.up >= 0.01 * step) {
      up = std::min(step, room.up);
      difference = v1::MarginalReturn::FORWARD;
    } else if (money >= step) {
      // Held where it is (a fixed amount): what the last of its money bought.
      down = step;
      difference = v1::MarginalReturn::BACKWARD;
    } else {
      up = step;
      difference = v1::MarginalReturn::FORWARD;
    }
    const double change = mean_at(c, organic, up) - mean_at(c, organic, -down);
    return Measured{change / (up + down) * 1000.0, difference, up + down};
  };
  // A fixed team's cost does not grow with money: no organic return to measure.
  const bool organic_side = !scenario.fixed_team() && scenario.organic_share.max > 0.0;
  std::vector<v1::MarginalReturn> returns;
  for (std::size_t c = 0; c < split.paid_shares.size(); ++c) {
    const auto& channel = scenario.channels[c];
    v1::MarginalReturn r;
    r.set_channel(channel.name);
    const Measured paid = measure(c, false);
    r.set_paid(paid.per_1000);
    r.set_paid_difference(paid.difference);
    r.set_paid_step(paid.step);
    const bool organic = organic_side && channel.organic_share.max > 0.0;
    r.set_organic_possible(organic);
    if (organic) {
      const Measured m = measure(c, true);
      r.set_organic(m.per_1000);
      r.set_organic_difference(m.difference);
      r.set_organic_step(m.step);
    }
    returns.push_back(std::move(r));
  }
  return returns;
}

}  // namespace splitsim
