// What `validate` estimates a run needs and what `run` then reaches, for the memory tests.
#pragma once

#include <filesystem>
#include <string>

namespace splitsim::testing {

// A paid-only grid over four networks, 8 trials, 4 weekly periods: each channel's share of the paid budget
// in multiples of `channel_step`. 0.0625 gives 969 candidates, 0.025 gives 12,341 and 0.0125 gives 91,881
// (the largest such grid under the 100,000 candidates a grid may have).
std::string paid_grid_scenario(double channel_step);

// The estimate `splitsim validate FILE --threads 2` prints, in MiB.
double estimated_mib(const std::filesystem::path& file);

// Peak resident memory of `splitsim run FILE --threads 2 -o results.pb --format FORMAT`, in MiB (from the
// kernel's accounting of the child, getrusage's ru_maxrss). The view printed counts too.
double measured_peak_mib(const std::filesystem::path& file, const std::string& format = "table");

}  // namespace splitsim::testing
