// splitsim-mpi: the command line under `mpirun -n K`, a run's grid candidates, each split's trials or a
// batch's scenarios spread over the K ranks (each with its oneTBB threads). Rank 0 prints and writes what
// `splitsim` would (a batch's ranks also write the results of the scenarios they ran); the other ranks print
// nothing unless they alone failed.
#include <mpi.h>

#include <chrono>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include "app/commands.hpp"
#include "mpi/mpi_batch_ranks.hpp"
#include "mpi/mpi_process_group.hpp"

namespace {

// Waits for every rank to end its command. A rank that failed alone leaves the others in an exchange that
// never completes: it waits a while, then ends them all (MPI_Abort) with its exit code. One that succeeded
// waits as long as the others need (rank 0 may still be writing a large file).
bool all_ranks_ended(bool failed) {
  MPI_Request request;
  MPI_Ibarrier(MPI_COMM_WORLD, &request);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (int done = 0;;) {
    MPI_Test(&request, &done, MPI_STATUS_IGNORE);
    if (done) return true;
    if (failed && std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // not a busy wait: threads may share cores
  }
}

}  // namespace

int main(int argc, char** argv) {
  // An isolated batch's child (`job`) is one process of one scenario, started by a rank: it must not join
  // the MPI job its parent belongs to.
  if (argc > 1 && std::string(argv[1]) == "job")
    return splitsim::run_cli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
  int provided = 0;
  // MPI is called one call at a time (an engine spreads one split at a time), by the thread that runs the
  // command; SERIALIZED, not FUNNELED, in case oneTBB runs that work on another of its threads.
  MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided);
  int code = 0;
  {
    const splitsim::MpiProcessGroup group;
    const splitsim::MpiBatchRanks batch_ranks;
    std::ostringstream discarded, said;
    const bool first = group.rank() == 0;
    code = splitsim::run_cli(std::vector<std::string>(argv + 1, argv + argc), first ? std::cout : discarded,
                             first ? std::cerr : said, &group, &batch_ranks);
    std::cout.flush();
    std::cerr.flush();
    if (group.size() > 1) {
      if (!all_ranks_ended(code != 0)) {
        std::cerr << "rank " << group.rank() << ": " << said.str() << std::flush;
        MPI_Abort(MPI_COMM_WORLD, code);
      }
      // Every rank made the same decisions on the same input, so they usually fail alike and rank 0 has said
      // why; a rank that failed where rank 0 did not says so itself. All end with the worst exit code.
      int first_code = code, worst = code;
      MPI_Bcast(&first_code, 1, MPI_INT, 0, MPI_COMM_WORLD);
      MPI_Allreduce(&code, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
      if (!first && code != 0 && first_code == 0) std::cerr << "rank " << group.rank() << ": " << said.str();
      code = worst;
    }
  }
  MPI_Finalize();
  return code;
}
