#include "mpi/mpi_batch_ranks.hpp"

#include <mpi.h>

#include <chrono>
#include <climits>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>

namespace splitsim {
namespace {

// One tag per kind of message; rank 0 receives them in the order each rank sent them (MPI does not let
// messages between two ranks overtake each other), so an entry is recorded before the request after it.
constexpr int kAskTag = 1;       // rank r to 0: no payload
constexpr int kFinishedTag = 2;  // rank r to 0: the index (8 bytes), then the ScenarioRun
constexpr int kAnswerTag = 3;    // 0 to rank r: the index, or -1 for none left
constexpr long long kNoneLeft = -1;

// Waits for a request to complete without spinning: Open MPI's blocking calls poll at full speed, and a
// waiting rank would take a core from the ranks and threads that simulate.
void wait_gently(MPI_Request& request) {
  for (int done = 0;;) {
    MPI_Test(&request, &done, MPI_STATUS_IGNORE);
    if (done) return;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

}  // namespace

MpiBatchRanks::MpiBatchRanks() {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  rank_ = static_cast<std::size_t>(rank);
  size_ = static_cast<std::size_t>(size);
}

bool MpiBatchRanks::agree_to_start(bool started) const {
  int flag = started ? 1 : 0;
  MPI_Request request;
  MPI_Ibcast(&flag, 1, MPI_INT, 0, MPI_COMM_WORLD, &request);
  wait_gently(request);
  return flag != 0;
}

void MpiBatchRanks::send_finished(std::size_t index, const v1::ScenarioRun& run) const {
  const std::uint64_t position = index;
  std::string bytes(sizeof position, '\0');
  std::memcpy(bytes.data(), &position, sizeof position);
  if (!run.AppendToString(&bytes) || bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw std::runtime_error("MPI: a scenario's manifest entry could not be sent");
  MPI_Request request;
  MPI_Isend(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, kFinishedTag, MPI_COMM_WORLD,
            &request);
  wait_gently(request);
}

std::optional<std::size_t> MpiBatchRanks::ask_for_scenario() const {
  MPI_Send(nullptr, 0, MPI_BYTE, 0, kAskTag, MPI_COMM_WORLD);
  long long index = kNoneLeft;
  MPI_Request request;
  MPI_Irecv(&index, 1, MPI_LONG_LONG, 0, kAnswerTag, MPI_COMM_WORLD, &request);
  wait_gently(request);
  if (index < 0) return std::nullopt;
  return static_cast<std::size_t>(index);
}

std::optional<BatchRanks::Message> MpiBatchRanks::receive() const {
  int arrived = 0;
  MPI_Status status;
  MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
  if (!arrived) return std::nullopt;
  int length = 0;
  MPI_Get_count(&status, MPI_BYTE, &length);
  std::string bytes(static_cast<std::size_t>(length), '\0');
  MPI_Recv(bytes.data(), length, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  Message message;
  message.from = static_cast<std::size_t>(status.MPI_SOURCE);
  message.asks = status.MPI_TAG == kAskTag;
  if (status.MPI_TAG == kFinishedTag) {
    std::uint64_t position = 0;
    if (bytes.size() < sizeof position ||
        !message.run.ParseFromArray(bytes.data() + sizeof position,
                                    static_cast<int>(bytes.size() - sizeof position)))
      throw std::runtime_error("MPI: rank " + std::to_string(message.from) +
                               " sent a manifest entry that could not be read");
    std::memcpy(&position, bytes.data(), sizeof position);
    message.index = static_cast<std::size_t>(position);
  } else if (status.MPI_TAG != kAskTag) {
    throw std::runtime_error("MPI: rank " + std::to_string(message.from) + " sent an unknown message");
  }
  return message;
}

void MpiBatchRanks::answer(std::size_t to, std::optional<std::size_t> index) const {
  const long long value = index ? static_cast<long long>(*index) : kNoneLeft;
  MPI_Send(&value, 1, MPI_LONG_LONG, static_cast<int>(to), kAnswerTag, MPI_COMM_WORLD);
}

v1::BatchManifest MpiBatchRanks::share_manifest(const v1::BatchManifest& manifest) const {
  std::string bytes;
  if (rank_ == 0 && !manifest.SerializeToString(&bytes))
    throw std::runtime_error("MPI: the manifest could not be shared");
  long long length = static_cast<long long>(bytes.size());
  MPI_Request request;
  MPI_Ibcast(&length, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD, &request);
  wait_gently(request);
  if (length > INT_MAX) throw std::runtime_error("MPI: the manifest exceeds 2 GiB");
  bytes.resize(static_cast<std::size_t>(length));
  MPI_Ibcast(bytes.data(), static_cast<int>(length), MPI_BYTE, 0, MPI_COMM_WORLD, &request);
  wait_gently(request);
  if (rank_ == 0) return manifest;
  v1::BatchManifest shared;
  if (!shared.ParseFromString(bytes)) throw std::runtime_error("MPI: rank 0's manifest could not be read");
  return shared;
}

}  // namespace splitsim
