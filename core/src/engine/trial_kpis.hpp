// Per-trial KPI values of one simulated split: what the engine returns, before any statistic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/kpi.hpp"

namespace splitsim {

struct TrialKpis {
  TrialKpis() = default;
  TrialKpis(std::size_t channel_count, std::uint64_t trials)
      : totals(kKpiCount, std::vector<double>(trials, 0.0)),
        channels(channel_count,
                 std::vector<std::vector<double>>(kKpiCount, std::vector<double>(trials, 0.0))) {}

  std::vector<std::vector<double>> totals;                 // [kpi][trial], across channels
  std::vector<std::vector<std::vector<double>>> channels;  // [channel][kpi][trial]
};

}  // namespace splitsim
