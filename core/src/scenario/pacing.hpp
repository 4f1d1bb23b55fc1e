// How paid spend is spread over the periods.
#pragma once

#include <cstddef>
#include <vector>

#include "scenario.pb.h"

namespace splitsim {

// The scenario's pacing as shares of the paid budget per period (sums to 1). Validated input.
std::vector<double> pacing_shares(const v1::Pacing& pacing, std::size_t periods);

}  // namespace splitsim
