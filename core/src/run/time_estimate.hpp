// How long a run will take, estimated before it starts from the plugin work it will do, so a long run says so
// (and a grid too large for its purpose suggests the optimizer) before the user waits for it.
#pragma once

#include <cstddef>
#include <string>

#include "run/run_plan.hpp"

namespace splitsim {

// Runs estimated shorter than this are not announced: they are over before a notice would help.
inline constexpr double kAnnouncedRunSeconds = 10.0;
// Grids with more candidates than this get the suggestion to use `--search optimize`, which needs a few
// hundred simulations whatever the number of channels.
inline constexpr std::size_t kLargeGridCandidates = 3000;

// Seconds of wall time for the plan on `threads` workers; on the slow side, so "about 5 min" is seldom
// exceeded.
double estimated_seconds(const RunPlan& plan, std::size_t threads);

// "40 s", "5 min", "2 h 10 min": a duration as the notices print it.
std::string duration_words(double seconds);

// For a grid above kLargeGridCandidates, the suggestion to use the optimizer (a line), else "".
std::string large_grid_suggestion(const RunPlan& plan, bool optimize);

// The notice a run prints on stderr before it starts, or "" for a short run with nothing to suggest:
// "this run will take about 5 min on 2 threads ...", and for a large grid the suggestion of optimize.
std::string run_time_notice(const RunPlan& plan, bool optimize, std::size_t threads);

}  // namespace splitsim
