// The processes one batch is spread over (MPI ranks under `mpirun -n K splitsim-mpi batch`). Rank 0 hands
// out the batch's scenarios one index at a time to whichever rank asks, and writes the manifest from the
// entries the others send back; every rank runs its scenarios and writes their results files itself. The
// batch layer knows only this interface; the MPI implementation is the MPI binary's (core/src/mpi/).
// Every call comes from the thread that called run_batch (MPI's funneled threading).
#pragma once

#include <cstddef>
#include <optional>

#include "batch.pb.h"

namespace splitsim {

class BatchRanks {
 public:
  virtual ~BatchRanks() = default;
  virtual std::size_t rank()
      const = 0;  // 0 .. size() - 1; rank 0 hands out scenarios and writes the manifest
  virtual std::size_t size() const = 0;

  // Every rank calls it once: rank 0 says whether the batch started (its folder made and locked), and every
  // rank returns what rank 0 said.
  virtual bool agree_to_start(bool started) const = 0;

  // On a rank other than 0. A scenario's manifest entry, once it ran (NOT_RUN: it was stopped).
  virtual void send_finished(std::size_t index, const v1::ScenarioRun& run) const = 0;
  // Asks rank 0 for a scenario and waits for its answer: an index, or none when there are none left.
  virtual std::optional<std::size_t> ask_for_scenario() const = 0;

  // On rank 0. A message from another rank: it asks for a scenario, or it sends one's entry.
  struct Message {
    std::size_t from = 0;
    bool asks = false;
    std::size_t index = 0;  // when it does not ask
    v1::ScenarioRun run;
  };
  // The next message if one has come; never waits.
  virtual std::optional<Message> receive() const = 0;
  // The answer to rank `to`'s request: a scenario's index, or none left.
  virtual void answer(std::size_t to, std::optional<std::size_t> index) const = 0;

  // Every rank calls it once at the end: every rank returns rank 0's `manifest`.
  virtual v1::BatchManifest share_manifest(const v1::BatchManifest& manifest) const = 0;
};

}  // namespace splitsim
