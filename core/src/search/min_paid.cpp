#include "search/min_paid.hpp"

#include <algorithm>
#include <cstdio>

namespace splitsim {
namespace {

constexpr double kCent = 0.01;  // money limits are kept to the cent, as search/money_limits.cpp does

enum class State { kFree, kOff, kAtMinimum };

}  // namespace

bool any_min_paid(const ResolvedScenario& scenario) {
  return std::any_of(scenario.channels.begin(), scenario.channels.end(),
                     [](const ResolvedChannel& c) { return c.min_paid > 0.0; });
}

std::string min_paid_violation(const ResolvedScenario& scenario, const Allocation& allocation) {
  for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
    const auto& channel = scenario.channels[c];
    const double planned = allocation.channels[c].paid_budget;
    if (planned > kCent && planned < channel.min_paid - kCent) {
      char text[256];
      std::snprintf(text, sizeof text,
                    "channels[%zu].min_paid: %s gets either nothing or at least %.2f paid, "
                    "the split gives %.2f",
                    c, channel.name.c_str(), channel.min_paid, planned);
      return text;
    }
  }
  return "";
}

bool keep_min_paid(const ResolvedScenario& scenario, double paid, const std::vector<double>& lo,
                   const std::vector<double>& hi, std::vector<double>& shares) {
  if (!(paid > 0.0) || !any_min_paid(scenario)) return true;
  const std::size_t n = shares.size();
  const auto floor = [&](std::size_t c) { return scenario.channels[c].min_paid / paid; };
  std::vector<double> x = shares;
  std::vector<State> state(n, State::kFree);
  // Each pass settles at least one channel or stops: at most n + 1 passes, plus one per channel switched
  // off when the minimums together exceed the money.
  for (std::size_t pass = 0; pass < 2 * n + 2; ++pass) {
    bool changed = false;
    for (std::size_t c = 0; c < n; ++c) {
      if (state[c] != State::kFree || scenario.channels[c].min_paid <= 0.0) continue;
      if (x[c] * paid >= scenario.channels[c].min_paid - kCent) continue;
      const bool may_be_off = lo[c] <= 0.0;
      if (may_be_off && (x[c] < 0.5 * floor(c) || floor(c) > hi[c])) {
        state[c] = State::kOff, x[c] = 0.0;
      } else {
        state[c] = State::kAtMinimum, x[c] = std::max(floor(c), lo[c]);
      }
      changed = true;
    }
    double settled = 0.0, free = 0.0;
    for (std::size_t c = 0; c < n; ++c) (state[c] == State::kFree ? free : settled) += x[c];
    const double room = 1.0 - settled;
    if (room < -1e-12) {
      // The minimums raised exceed the money: the smallest that may be off is switched off.
      std::size_t off = n;
      for (std::size_t c = 0; c < n; ++c) {
        if (state[c] == State::kAtMinimum && lo[c] <= 0.0 && (off == n || x[c] < x[off])) off = c;
      }
      if (off == n) break;
      state[off] = State::kOff, x[off] = 0.0;
      continue;
    }
    if (free > 0.0) {
      for (std::size_t c = 0; c < n; ++c)
        if (state[c] == State::kFree) x[c] *= room / free;
    } else if (room > 1e-12) {
      // Nothing left free: the channels held at their minimum take the rest in proportion.
      double held = 0.0;
      for (std::size_t c = 0; c < n; ++c) held += state[c] == State::kAtMinimum ? x[c] : 0.0;
      if (held <= 0.0) break;
      for (std::size_t c = 0; c < n; ++c)
        if (state[c] == State::kAtMinimum) x[c] *= 1.0 / held;
    }
    if (!changed) break;
  }
  double sum = 0.0;
  for (std::size_t c = 0; c < n; ++c) {
    sum += x[c];
    const double money = x[c] * paid;
    if (x[c] > hi[c] + 1e-9 || x[c] < lo[c] - 1e-9) return false;
    if (money > kCent && money < scenario.channels[c].min_paid - kCent) return false;
  }
  if (std::abs(sum - 1.0) > 1e-9) return false;
  shares = std::move(x);
  return true;
}

}  // namespace splitsim
