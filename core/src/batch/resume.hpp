// What --resume may reuse: complete results of exactly the scenario that would run now.
#pragma once

#include <filesystem>
#include <optional>

#include "results.pb.h"
#include "run/overrides.hpp"

namespace splitsim {

// The results in `results_file` when they are complete and were made by this splitsim version from the same
// scenario (the file's content with the same overrides); nothing otherwise, and nothing for an unreadable
// file: it is simply run again.
std::optional<v1::Results> reusable_results(const std::filesystem::path& results_file,
                                            const std::filesystem::path& scenario_file,
                                            const ScenarioOverrides& overrides);

}  // namespace splitsim
