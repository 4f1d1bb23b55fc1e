// The processes one run is spread over (MPI ranks under `mpirun -n K splitsim-mpi`; one process otherwise).
// Every figure splitsim makes depends on the scenario and the addresses of its random numbers only, never
// on which process made it, so each process makes a share and they exchange what they made: the results
// are the same bytes for any number of processes. Only this interface is seen outside the MPI binary
// (core/src/mpi/ implements it), so the default build needs no MPI.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace splitsim {

class ProcessGroup {
 public:
  virtual ~ProcessGroup() = default;
  virtual std::size_t rank() const = 0;  // 0 .. size() - 1; rank 0 writes what the run writes
  virtual std::size_t size() const = 0;
  // Every process passes its own bytes and gets every process's, by rank. A collective: every process
  // calls it, the same number of times in the same order, from one thread at a time.
  virtual std::vector<std::string> all_gather(std::string_view mine) const = 0;
};

}  // namespace splitsim
