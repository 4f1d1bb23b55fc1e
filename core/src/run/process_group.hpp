// The processes one run is spread over (MPI ranks under `mpirun -n K splitsim-mpi`): each evaluates its
// share of a grid's candidates and all of them get every candidate back, in candidate order. Each
// candidate's figures depend on its split and the trial addresses only, never on which process made them,
// so the results are the same bytes for any number of processes. The run layer knows only this interface;
// the MPI implementation is the MPI binary's (core/src/mpi/).
#pragma once

#include <cstddef>
#include <vector>

#include "results.pb.h"

namespace splitsim {

class ProcessGroup {
 public:
  virtual ~ProcessGroup() = default;
  virtual std::size_t rank() const = 0;  // 0 .. size() - 1; rank 0 writes what the run writes
  virtual std::size_t size() const = 0;
  // Candidates 0 .. total - 1, where this process holds `mine`: those whose index i has i mod size() ==
  // rank(), in index order. Every process calls it and every process gets all of them, in index order.
  virtual std::vector<v1::Candidate> all_candidates(const std::vector<v1::Candidate>& mine,
                                                    std::size_t total) const = 0;
};

}  // namespace splitsim
