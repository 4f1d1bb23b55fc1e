#include "engine/output_checker.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>

#include "base/errors.hpp"

namespace splitsim {
namespace {

// Relative slack for sums of floating-point numbers that must respect a bound.
constexpr double kSlack = 1e-9;

[[noreturn]] void fail(const std::string& plugin, const std::string& channel, std::uint64_t trial,
                       std::size_t period, const std::string& what) {
  std::ostringstream text;
  text << "impossible output for channel '" << channel << "' at trial " << trial;
  if (period != static_cast<std::size_t>(-1)) text << ", period " << period;
  text << ": " << what;
  throw PluginError(plugin, text.str());
}

std::string show(double value) {
  std::ostringstream text;
  text.precision(10);
  text << value;
  return text.str();
}

// Whether every check below passes, in flat passes over contiguous memory that accumulate instead of
// branching: the common case costs little next to the plugin's time. Only when a pass finds something (or a
// -0.0, which is fine, or a period that reaches more new people than it shows impressions to) does the walk
// below run, trial by trial, to decide and to name the first problem.
bool all_plausible(const SimulationBlock& block, const OutputBuffers& out) {
  constexpr double kLargest = std::numeric_limits<double>::max();
  const std::size_t trials = block.trials;
  const std::size_t periods = block.periods;
  const std::size_t values = trials * periods;
  bool plausible = true;
  for (std::size_t i = 0; i < trials; ++i) plausible &= out.audience[i] > 0.0 && out.audience[i] <= kLargest;
  // On the bits, in integer arithmetic that vectorises: a double is finite and not negative exactly when its
  // sign bit is clear and adding one to its exponent leaves the sign bit clear (NaN and infinity carry over).
  constexpr std::uint64_t kExponentOne = 0x0010000000000000ull;
  std::uint64_t flags = 0;
  for (int o = 0; o < kOutputCount; ++o) {
    const double* data = out.data[o];
    for (std::size_t k = 0; k < values; ++k) {
      const auto bits = std::bit_cast<std::uint64_t>(data[k]);
      flags |= bits | (bits + kExponentOne);
    }
  }
  plausible &= (flags >> 63) == 0;
  if (!plausible) return false;
  // Every value is now finite and not negative, so running sums only grow, and rounding is monotone: a
  // period whose new reach is at most its own impressions keeps reach so far at most the impressions so far,
  // bit for bit as the walk below adds them. Checked period by period, without a running sum to wait on.
  const double* reach = out.data[static_cast<int>(Output::kReach)];
  const double* paid = out.data[static_cast<int>(Output::kPaidImpressions)];
  const double* organic = out.data[static_cast<int>(Output::kOrganicImpressions)];
  const double* spent = out.data[static_cast<int>(Output::kSpend)];
  const double* planned = block.plan.paid_spend;
  // Each bound as a margin, bound minus value, whose sign bit is set exactly when the value is above it
  // (with gradual underflow, a - b is +0 or more exactly when a >= b): or-ing bits vectorises, where a
  // flag and-ed with comparisons does not.
  std::uint64_t signs = 0;
  for (std::size_t k = 0; k < values; ++k)
    signs |= std::bit_cast<std::uint64_t>((paid[k] + organic[k]) - reach[k]);
  for (std::size_t i = 0; i < trials; ++i) {
    const double* row = spent + i * periods;
    // Against the tolerance's lower bound kSlack * (1 + plan) / 2, which has no branch, where the walk's
    // max(1, plan) has one: a spend within it is within the walk's, and one that is not is left to the walk.
    for (std::size_t t = 0; t < periods; ++t)
      signs |=
          std::bit_cast<std::uint64_t>(0.5 * kSlack * (1.0 + planned[t]) - std::abs(row[t] - planned[t]));
  }
  plausible &= (signs >> 63) == 0;
  // Reach over the horizon against the audience (the largest reach so far is the last): four trials at a
  // time, each summed in period order as the walk does, so the four chains of additions overlap.
  std::size_t i = 0;
  for (; i + 4 <= trials; i += 4) {
    const double* r = reach + i * periods;
    double sums[4] = {};
    for (std::size_t t = 0; t < periods; ++t)
      for (std::size_t j = 0; j < 4; ++j) sums[j] += r[j * periods + t];
    for (std::size_t j = 0; j < 4; ++j) plausible &= !(sums[j] > out.audience[i + j] * (1.0 + kSlack));
  }
  for (; i < trials; ++i) {
    double sum = 0.0;
    for (std::size_t t = 0; t < periods; ++t) sum += reach[i * periods + t];
    plausible &= !(sum > out.audience[i] * (1.0 + kSlack));
  }
  return plausible;
}

}  // namespace

void check_outputs(const std::string& plugin, const std::string& channel, const SimulationBlock& block,
                   const OutputBuffers& out) {
  if (all_plausible(block, out)) return;
  constexpr std::size_t kNoPeriod = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < block.trials; ++i) {
    const std::uint64_t trial = block.first_trial + i;
    const double audience = out.audience[i];
    if (!std::isfinite(audience) || audience <= 0.0) {
      fail(plugin, channel, trial, kNoPeriod, "audience is " + show(audience) + " (must be finite and > 0)");
    }
    double reach = 0.0, impressions = 0.0;
    for (std::size_t t = 0; t < block.periods; ++t) {
      for (int o = 0; o < kOutputCount; ++o) {
        const double value = out.row(static_cast<Output>(o), i)[t];
        if (!std::isfinite(value))
          fail(plugin, channel, trial, t,
               std::string(output_name(static_cast<Output>(o))) + " is not finite (" + show(value) + ")");
        if (value < 0.0)
          fail(plugin, channel, trial, t,
               std::string(output_name(static_cast<Output>(o))) + " is negative (" + show(value) + ")");
      }
      const double planned = block.plan.paid_spend[t];
      const double spent = out.row(Output::kSpend, i)[t];
      if (std::abs(spent - planned) > kSlack * std::max(1.0, planned)) {
        fail(plugin, channel, trial, t,
             "spend " + show(spent) + " differs from the planned " + show(planned));
      }
      reach += out.row(Output::kReach, i)[t];
      impressions += out.row(Output::kPaidImpressions, i)[t] + out.row(Output::kOrganicImpressions, i)[t];
      if (reach > audience * (1.0 + kSlack)) {
        fail(plugin, channel, trial, t,
             "reach so far " + show(reach) + " is above the audience " + show(audience));
      }
      if (reach > impressions * (1.0 + kSlack) + kSlack) {
        fail(plugin, channel, trial, t,
             "reach so far " + show(reach) + " is above the impressions so far " + show(impressions));
      }
    }
  }
}

}  // namespace splitsim
