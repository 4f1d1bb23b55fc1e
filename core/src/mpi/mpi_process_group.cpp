#include "mpi/mpi_process_group.hpp"

#include <mpi.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

namespace splitsim {

MpiProcessGroup::MpiProcessGroup(std::size_t round_bytes) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  rank_ = static_cast<std::size_t>(rank);
  size_ = static_cast<std::size_t>(size);
  const std::size_t cap = static_cast<std::size_t>(INT_MAX);
  per_rank_round_ = std::max<std::size_t>(1, std::min(round_bytes > 0 ? round_bytes : cap, cap) / size_);
}

void MpiProcessGroup::all_gather(std::string_view mine, Gathered& into) const {
  // Every rank's length, so that every rank knows where each one's bytes go and how many rounds they take.
  const unsigned long long length = mine.size();
  std::vector<unsigned long long> lengths(size_);
  MPI_Allgather(&length, 1, MPI_UNSIGNED_LONG_LONG, lengths.data(), 1, MPI_UNSIGNED_LONG_LONG,
                MPI_COMM_WORLD);
  into.offsets.assign(size_ + 1, 0);
  unsigned long long longest = 0;
  for (std::size_t r = 0; r < size_; ++r) {
    into.offsets[r + 1] = into.offsets[r] + static_cast<std::size_t>(lengths[r]);
    longest = std::max(longest, lengths[r]);
  }
  into.bytes.resize(into.offsets[size_]);  // keeps its memory when the size is the last one's
  std::vector<int> counts(size_), displacements(size_);
  if (into.offsets[size_] <= per_rank_round_ * size_) {  // the common case: one round, straight into place
    for (std::size_t r = 0; r < size_; ++r) {
      counts[r] = static_cast<int>(lengths[r]);
      displacements[r] = static_cast<int>(into.offsets[r]);
    }
    MPI_Allgatherv(mine.data(), static_cast<int>(length), MPI_BYTE, into.bytes.data(), counts.data(),
                   displacements.data(), MPI_BYTE, MPI_COMM_WORLD);
    return;
  }
  // Rounds: in round k each rank sends its bytes [k * per_rank_round_, (k + 1) * per_rank_round_), so a
  // round carries at most per_rank_round_ * size_ bytes, within MPI's int counts.
  std::string round(per_rank_round_ * size_, '\0');
  for (std::size_t k = 0; k * per_rank_round_ < longest; ++k) {
    const std::size_t from = k * per_rank_round_;
    int at = 0;
    for (std::size_t r = 0; r < size_; ++r) {
      const std::size_t left = lengths[r] > from ? static_cast<std::size_t>(lengths[r]) - from : 0;
      counts[r] = static_cast<int>(std::min(left, per_rank_round_));
      displacements[r] = at;
      at += counts[r];
    }
    MPI_Allgatherv(mine.data() + std::min<std::size_t>(from, mine.size()), counts[rank_], MPI_BYTE,
                   round.data(), counts.data(), displacements.data(), MPI_BYTE, MPI_COMM_WORLD);
    for (std::size_t r = 0; r < size_; ++r)
      if (counts[r] > 0)
        std::memcpy(into.bytes.data() + into.offsets[r] + from, round.data() + displacements[r],
                    static_cast<std::size_t>(counts[r]));
  }
}

}  // namespace splitsim
