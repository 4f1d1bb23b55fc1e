// Caller-owned structure-of-arrays buffers a plugin fills: one array per output, trial-major.
#pragma once

#include <cstddef>

namespace splitsim {

// Per trial x period outputs. Reach is *new* unique people reached in the period, so that its sum over the
// horizon is the channel's unique reach and can be checked against the audience.
enum class Output : int {
  kSpend = 0,           // money spent on paid media (must equal the plan)
  kPaidImpressions,     // impressions bought
  kOrganicImpressions,  // impressions of organic posts
  kReach,               // new unique people reached (paid or organic)
  kEngagements,         // likes, comments, shares, saves (paid and organic)
  kClicks,              // clicks to the destination
  kConversions,         // conversions attributed to the channel
  kFollowersGained,     // new followers of the account
  kCount
};

inline constexpr int kOutputCount = static_cast<int>(Output::kCount);

// Stable snake_case name of an output, used in messages.
inline const char* output_name(Output o) {
  static constexpr const char* kNames[kOutputCount] = {
      "spend",       "paid_impressions", "organic_impressions", "reach",
      "engagements", "clicks",           "conversions",         "followers_gained"};
  return kNames[static_cast<int>(o)];
}

// The buffers of one SimulationBlock. Element (i, t) of an output is at [i * periods + t].
struct OutputBuffers {
  std::size_t trials = 0;
  std::size_t periods = 0;
  double* data[kOutputCount] = {};
  double* audience = nullptr;  // [trials] addressable audience used for each trial (reach cannot exceed it)

  // The row of one trial for one output: `periods` contiguous values.
  double* row(Output o, std::size_t i) const { return data[static_cast<int>(o)] + i * periods; }

  // Buffers over one array of kOutputCount * trials * periods values, output after output, and an array of
  // `trials` audiences: the runner's layout, for a plugin's own tests and tools too.
  static OutputBuffers over(double* outputs, double* audience, std::size_t trials, std::size_t periods) {
    OutputBuffers out;
    out.trials = trials;
    out.periods = periods;
    for (int o = 0; o < kOutputCount; ++o)
      out.data[o] = outputs + static_cast<std::size_t>(o) * trials * periods;
    out.audience = audience;
    return out;
  }
};

}  // namespace splitsim
