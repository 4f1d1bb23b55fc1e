// Checks the channels' paid money limits: valid amounts, a non-empty range each, minimums within the budget.
#include <algorithm>
#include <cmath>
#include <cstddef>

#include "scenario/money_bounds.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

void check_paid_amount(const v1::MoneyBounds& amount, const FieldPath& path, Problems& problems) {
  if (amount.has_min() && !finite_at_least(amount.min(), 0.0)) {
    problems.add(path.child("min"), "must be an amount >= 0 (got " + num(amount.min()) + ")");
  } else if (amount.has_min()) {
    check_money_limit(amount.min(), path.child("min"), problems);
  }
  if (amount.has_max() && !finite_at_least(amount.max(), 0.0)) {
    problems.add(path.child("max"), "must be an amount >= 0 (got " + num(amount.max()) + ")");
  } else if (amount.has_max()) {
    check_money_limit(amount.max(), path.child("max"), problems);
  }
  if (amount.has_min() && amount.has_max() && amount.min() > amount.max()) {
    problems.add(path, "min (" + num(amount.min()) + ") is above max (" + num(amount.max()) + ")");
  }
}

void check_current_paid(const v1::Channel& channel, const FieldPath& path, Problems& problems) {
  if (channel.has_current_paid() && !finite_at_least(channel.current_paid(), 0.0)) {
    problems.add(path.child("current_paid"),
                 "must be an amount >= 0 (got " + num(channel.current_paid()) + ")");
  } else if (channel.has_current_paid()) {
    check_money_limit(channel.current_paid(), path.child("current_paid"), problems);
  }
  if (channel.has_max_change() && !channel.has_current_paid()) {
    problems.add(path.child("max_change"), "needs current_paid: the change is relative to today's spend");
  }
  if (channel.has_max_change() && !(channel.max_change() >= 0.0 && channel.max_change() <= 10.0)) {
    problems.add(path.child("max_change"),
                 "must be a share in [0, 10] (got " + num(channel.max_change()) + ")");
  }
}

// The limits together, as the search applies them: they must leave an amount, and one the shares allow.
void check_money_range(const v1::Channel& channel, double low, double high, const FieldPath& path,
                       Problems& problems) {
  if (low > high + 1e-9) {
    problems.add(path.child("max_change"),
                 "paid_amount and current_paid +- max_change leave no amount: at least " + num(low) +
                     " and at most " + num(high));
  }
  if (low > 0.0 && channel.paid_share().has_max() && channel.paid_share().max() == 0.0) {
    problems.add(path.child("paid_share").child("max"),
                 "is 0, but the channel must get at least " + num(low) + " paid");
  }
}

// A minimum viable spend: the channel is off or gets at least this much, so some plan must be able to give
// it that much; a channel that must be on (a paid floor) must be able to reach it.
double check_min_paid(const v1::Channel& channel, double low, double high, double paid_room,
                      const FieldPath& path, Problems& problems) {
  if (!channel.has_min_paid()) return low;
  const auto where = path.child("min_paid");
  if (!finite_at_least(channel.min_paid(), 0.0)) {
    problems.add(where, "must be an amount >= 0 (got " + num(channel.min_paid()) + ")");
    return low;
  }
  check_money_limit(channel.min_paid(), where, problems);
  const double share_max = channel.paid_share().has_max() ? channel.paid_share().max() : 1.0;
  const double reachable = std::min(high, share_max * paid_room);
  if (channel.min_paid() > reachable * (1.0 + 1e-12)) {
    problems.add(where, "is " + num(channel.min_paid()) + ", but no plan can give this channel more than " +
                            num(reachable) + " paid (its paid_share, paid_amount and the budget): lower it");
  }
  const bool must_be_on = low > 0.0 || (channel.paid_share().has_min() && channel.paid_share().min() > 0.0);
  return must_be_on ? std::max(low, channel.min_paid()) : low;
}

}  // namespace

// Money limits must be numbers that some plan can keep: each channel's minimum within its maximum, and the
// minimums together within what can go to paid media.
void check_money_limits(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const double total = s.budget().total();
  const double organic_min = s.search().organic_share().has_min() ? s.search().organic_share().min() : 0.0;
  const double paid_room = total * (1.0 - organic_min);
  double minimums = 0.0;
  const auto money = paid_money_bounds(s);  // paid_amount and current_paid +- max_change together
  for (int i = 0; i < s.channels_size(); ++i) {
    const auto& channel = s.channels(i);
    const auto path = root.child("channels", i);
    const auto c = static_cast<std::size_t>(i);
    check_paid_amount(channel.paid_amount(), path.child("paid_amount"), problems);
    check_current_paid(channel, path, problems);
    check_money_range(channel, money.min[c], money.max[c], path, problems);
    const double floor = check_min_paid(channel, money.min[c], money.max[c], paid_room, path, problems);
    if (std::isfinite(floor)) minimums += floor;
  }
  if (minimums > paid_room * (1.0 + 1e-12) && !s.budget().up_to()) {
    problems.add(root.child("channels"),
                 "the channels' minimum paid amounts add up to " + num(minimums) + ", more than the " +
                     num(paid_room) +
                     " the budget leaves for paid media (budget.total less the minimum organic share)");
  }
}

}  // namespace splitsim::validation
