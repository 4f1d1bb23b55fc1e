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

// Whether every check below passes, in passes over contiguous memory that accumulate instead of branching:
// the common case costs little next to the plugin's time. Only when it finds something (or a -0.0, which is
// fine) does the walk below run, trial by trial, to name the first problem.
bool all_plausible(const SimulationBlock& block, const OutputBuffers& out) {
  constexpr double kLargest = std::numeric_limits<double>::max();
  const std::size_t values = block.trials * block.periods;
  bool plausible = true;
  for (std::size_t i = 0; i < block.trials; ++i)
    plausible &= out.audience[i] > 0.0 && out.audience[i] <= kLargest;
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
  for (std::size_t i = 0; i < block.trials; ++i) {
    const double audience = out.audience[i];
    const double* spent = out.row(Output::kSpend, i);
    const double* reach_in = out.row(Output::kReach, i);
    const double* paid = out.row(Output::kPaidImpressions, i);
    const double* organic = out.row(Output::kOrganicImpressions, i);
    double reach = 0.0, impressions = 0.0;
    for (std::size_t t = 0; t < block.periods; ++t) {
      const double planned = block.plan.paid_spend[t];
      plausible &= !(std::abs(spent[t] - planned) > kSlack * std::max(1.0, planned));
      reach += reach_in[t];
      impressions += paid[t] + organic[t];
      plausible &= !(reach > audience * (1.0 + kSlack)) && !(reach > impressions * (1.0 + kSlack) + kSlack);
    }
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
