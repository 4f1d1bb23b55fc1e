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
  // The lengths in 64 bits, so that every rank sees the total and refuses alike: MPI counts in int, so one
  // exchange holds at most 2 GiB in all (about 250,000 grid candidates of 4 channels, or one reported
  // split's figures at 2 million trials on 4 channels).
  const unsigned long long length = mine.size();
  std::vector<unsigned long long> lengths(size_);
  MPI_Allgather(&length, 1, MPI_UNSIGNED_LONG_LONG, lengths.data(), 1, MPI_UNSIGNED_LONG_LONG,
                MPI_COMM_WORLD);
  std::vector<int> counts(size_), offsets(size_);
  unsigned long long sum = 0;
  into.offsets.assign(size_ + 1, 0);
  for (std::size_t r = 0; r < size_; ++r) {
    offsets[r] = static_cast<int>(sum);
    counts[r] = static_cast<int>(lengths[r]);
    into.offsets[r] = static_cast<std::size_t>(sum);
    sum += lengths[r];
    if (sum > static_cast<unsigned long long>(INT_MAX))
      throw std::runtime_error(
          "MPI: an exchange between ranks exceeds 2 GiB: use fewer trials or candidates "
          "per run (a grid's: --search optimize)");
  }
  into.offsets[size_] = static_cast<std::size_t>(sum);
  into.bytes.resize(static_cast<std::size_t>(sum));  // keeps its memory when the size is the last one's
  MPI_Allgatherv(mine.data(), static_cast<int>(length), MPI_BYTE, into.bytes.data(), counts.data(),
                 offsets.data(), MPI_BYTE, MPI_COMM_WORLD);
}

}  // namespace splitsim
