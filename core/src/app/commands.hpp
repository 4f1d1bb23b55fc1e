// The command-line interface: splitsim run | validate | plugins | show.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/process_group.hpp"
#include "batch/batch_ranks.hpp"

namespace splitsim {

// Runs the command named by args[0] (the program name is not included) and returns the exit code:
// 0 success, 1 runtime failure (a plugin failed), 2 bad usage or bad input. Never throws. Under `mpirun`,
// `group` holds the ranks a grid's candidates are spread over and `batch_ranks` those a batch's scenarios
// are handed out to (null: this process alone).
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const ProcessGroup* group = nullptr, const BatchRanks* batch_ranks = nullptr);

}  // namespace splitsim
