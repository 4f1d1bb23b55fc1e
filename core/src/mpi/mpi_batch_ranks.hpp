// The ranks of MPI_COMM_WORLD as the processes one batch is spread over (batch/batch_ranks.hpp): plain
// point-to-point messages to and from rank 0 (a request, an index in answer, a finished scenario's entry).
#pragma once

#include "batch/batch_ranks.hpp"

namespace splitsim {

class MpiBatchRanks : public BatchRanks {
 public:
  MpiBatchRanks();  // MPI is initialised already (main_mpi.cpp)
  std::size_t rank() const override { return rank_; }
  std::size_t size() const override { return size_; }
  bool agree_to_start(bool started) const override;
  void send_finished(std::size_t index, const v1::ScenarioRun& run) const override;
  std::optional<std::size_t> ask_for_scenario() const override;
  std::optional<Message> receive() const override;
  void answer(std::size_t to, std::optional<std::size_t> index) const override;
  v1::BatchManifest share_manifest(const v1::BatchManifest& manifest) const override;

 private:
  std::size_t rank_ = 0, size_ = 1;
};

}  // namespace splitsim
