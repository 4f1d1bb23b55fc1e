// Limits that keep a run sane; beyond them a scenario is refused up front.
#pragma once

#include <cstddef>
#include <cstdint>

namespace splitsim {

inline constexpr int kMaxPeriods = 520;
inline constexpr std::uint64_t kMaxTrials = 10'000'000;
inline constexpr int kMaxChannels = 64;

// Finer steps than 0.1% give grids nobody reads, and ever finer ones never finish enumerating.
inline constexpr double kMinGridStep = 0.001;

// Refuse grids whose size would make a run unreasonably long; a finer search belongs to the optimizer.
inline constexpr std::size_t kMaxCandidates = 100'000;

}  // namespace splitsim
