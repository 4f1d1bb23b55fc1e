#include "mpi/mpi_process_group.hpp"

#include <mpi.h>

#include <climits>
#include <stdexcept>

namespace splitsim {

MpiProcessGroup::MpiProcessGroup() {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  rank_ = static_cast<std::size_t>(rank);
  size_ = static_cast<std::size_t>(size);
}

void MpiProcessGroup::all_gather(std::string_view mine, Gathered& into) const {
  // MPI counts in int: a single exchange holds at most 2 GiB, about 4,000 grid candidates per rank.
  if (mine.size() > static_cast<std::size_t>(INT_MAX))
    throw std::runtime_error("MPI: one rank's share of an exchange exceeds 2 GiB: run on more ranks");
  const int length = static_cast<int>(mine.size());
  std::vector<int> lengths(size_), offsets(size_);
  MPI_Allgather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, MPI_COMM_WORLD);
  long long sum = 0;
  into.offsets.assign(size_ + 1, 0);
  for (std::size_t r = 0; r < size_; ++r) {
    offsets[r] = static_cast<int>(sum);
    into.offsets[r] = static_cast<std::size_t>(sum);
    sum += lengths[r];
    if (sum > INT_MAX) throw std::runtime_error("MPI: an exchange exceeds 2 GiB: use --search optimize");
  }
  into.offsets[size_] = static_cast<std::size_t>(sum);
  into.bytes.resize(static_cast<std::size_t>(sum));  // keeps its memory when the size is the last one's
  MPI_Allgatherv(mine.data(), length, MPI_BYTE, into.bytes.data(), lengths.data(), offsets.data(), MPI_BYTE,
                 MPI_COMM_WORLD);
}

}  // namespace splitsim
