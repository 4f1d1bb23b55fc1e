// The ranks of MPI_COMM_WORLD as the processes one run is spread over (base/process_group.hpp).
#pragma once

#include "base/process_group.hpp"

namespace splitsim {

class MpiProcessGroup : public ProcessGroup {
 public:
  // MPI is initialised already (main_mpi.cpp). `round_bytes`: the most one MPI_Allgatherv carries in all
  // (MPI counts in int, so at most INT_MAX; smaller only in tests, to exercise the rounds).
  explicit MpiProcessGroup(std::size_t round_bytes = 0);
  std::size_t rank() const override { return rank_; }
  std::size_t size() const override { return size_; }
  // One MPI_Allgather of the lengths (in 64 bits), then MPI_Allgatherv of the bytes: once, or in rounds of
  // at most round_bytes in all when the exchange is larger (a split's figures at millions of trials).
  void all_gather(std::string_view mine, Gathered& into) const override;
  using ProcessGroup::all_gather;

 private:
  std::size_t rank_ = 0, size_ = 1;
  std::size_t per_rank_round_ = 0;  // the most each rank sends in one round
};

}  // namespace splitsim
