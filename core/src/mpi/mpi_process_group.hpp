// The ranks of MPI_COMM_WORLD as the processes one run is spread over (run/process_group.hpp).
#pragma once

#include "run/process_group.hpp"

namespace splitsim {

class MpiProcessGroup : public ProcessGroup {
 public:
  MpiProcessGroup();  // MPI is initialised already (main_mpi.cpp)
  std::size_t rank() const override { return rank_; }
  std::size_t size() const override { return size_; }
  // Each rank's candidates serialised (deterministically), exchanged with one MPI_Allgatherv of bytes and
  // parsed back: a double's bits survive, so every rank holds the same candidates one process would make.
  std::vector<v1::Candidate> all_candidates(const std::vector<v1::Candidate>& mine,
                                            std::size_t total) const override;

 private:
  std::size_t rank_ = 0, size_ = 1;
};

}  // namespace splitsim
