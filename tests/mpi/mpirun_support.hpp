// What the MPI tests share: splitsim-mpi started under mpirun, and files read back whole.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace splitsim::testing {

// `mpirun -n ranks splitsim-mpi ARGS` with `environment` (NAME=VALUE each) set, as root and with more ranks
// than cores (these machines': tests only); its exit code and both streams.
CommandResult mpirun(int ranks, const std::vector<std::string>& args,
                     const std::vector<std::string>& environment = {});

// Starts `mpirun -n ranks splitsim-mpi ARGS` as a child process (stdout discarded, stderr to `stderr_file`);
// its pid.
pid_t spawn_mpirun(int ranks, const std::vector<std::string>& args, const std::filesystem::path& stderr_file);

std::string slurp(const std::filesystem::path& path);

}  // namespace splitsim::testing
