// What the MPI tests share: splitsim-mpi started under mpirun, and files read back whole.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace splitsim::testing {

// `mpirun -n ranks splitsim-mpi ARGS` with `environment` (NAME=VALUE each) set, as root and with more ranks
// than cores (these machines': tests only); its exit code and both streams.
CommandResult mpirun(int ranks, const std::vector<std::string>& args,
                     const std::vector<std::string>& environment = {});

std::string slurp(const std::filesystem::path& path);

}  // namespace splitsim::testing
