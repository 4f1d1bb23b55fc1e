// The ranks of MPI_COMM_WORLD as the processes one run is spread over (base/process_group.hpp).
#pragma once

#include "base/process_group.hpp"

namespace splitsim {

class MpiProcessGroup : public ProcessGroup {
 public:
  MpiProcessGroup();  // MPI is initialised already (main_mpi.cpp)
  std::size_t rank() const override { return rank_; }
  std::size_t size() const override { return size_; }
  // One MPI_Allgather of the lengths, then one MPI_Allgatherv of the bytes.
  void all_gather(std::string_view mine, Gathered& into) const override;
  using ProcessGroup::all_gather;

 private:
  std::size_t rank_ = 0, size_ = 1;
};

}  // namespace splitsim
