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

// Any amount of money in a scenario (budget, paid limits, costs, the value of a conversion) is at most a
// thousand trillion units of its currency: above any campaign's budget in any currency in use, still exact to
// the unit in a double, and so far below overflow that money per period times any model's figures
// (impressions per unit of money, posts per unit of money...) stays finite. Larger amounts are refused, not
// run.
inline constexpr double kMaxMoney = 1e15;
inline constexpr const char* kMaxMoneyText = "1e15";

// A cost per post or per hour, when there is one, is at least a millionth of the currency unit: a cheaper one
// buys more posts or hours than any model is made for (a budget of kMaxMoney would buy 1e21), on the way
// to infinity.
inline constexpr double kMinUnitCost = 1e-6;

// A team member is at most a million full-time equivalents (more than any employer has), so that the team's
// hours and cost (FTE x hours per week x weeks x periods x hourly cost) stay finite.
inline constexpr double kMaxMemberFte = 1e6;

// Hours per activity: a post takes at least a second, and no activity more than a year (8,760 hours), so that
// posts bought with kMaxMoney, and the hours of community work per engagement, stay finite.
inline constexpr double kMinTaskHours = 1.0 / 3600.0;
inline constexpr double kMaxTaskHours = 8760.0;

// A log-normal's P95 is e^(1.645 sigma) times its median: 14 million times at sigma 10. Wider, the belief it
// encodes is "anything", and draws beyond the parameter's range pile up at its ends; sigma is kept at
// most 10.
inline constexpr double kMaxLogNormalSigma = 10.0;

}  // namespace splitsim
