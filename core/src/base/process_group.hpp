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

// Items [first, last) of `count` that process `rank` of `size` takes: contiguous runs in rank order, as
// evenly as they divide (a process may take none when there are fewer items than processes).
struct RankRun {
  std::size_t first = 0, last = 0;
};
inline RankRun run_of(std::size_t rank, std::size_t size, std::size_t count) {
  return {count * rank / size, count * (rank + 1) / size};
}

// Every process's bytes of one exchange, side by side: rank r's are part(r). Kept from one exchange to the
// next, so that exchanges of one size reuse their memory.
struct Gathered {
  std::string bytes;
  std::vector<std::size_t> offsets;  // size() + 1: rank r's bytes are [offsets[r], offsets[r + 1])
  std::string_view part(std::size_t rank) const {
    return std::string_view(bytes).substr(offsets[rank], offsets[rank + 1] - offsets[rank]);
  }
};

class ProcessGroup {
 public:
  virtual ~ProcessGroup() = default;
  virtual std::size_t rank() const = 0;  // 0 .. size() - 1; rank 0 writes what the run writes
  virtual std::size_t size() const = 0;
  // Every process passes its own bytes and gets every process's, by rank, into `into`. A collective: every
  // process calls it, the same number of times in the same order, from one thread at a time.
  virtual void all_gather(std::string_view mine, Gathered& into) const = 0;

  // The same, each process's bytes a string of its own.
  std::vector<std::string> all_gather(std::string_view mine) const {
    Gathered gathered;
    all_gather(mine, gathered);
    std::vector<std::string> parts;
    for (std::size_t r = 0; r < size(); ++r) parts.emplace_back(gathered.part(r));
    return parts;
  }
};

}  // namespace splitsim
