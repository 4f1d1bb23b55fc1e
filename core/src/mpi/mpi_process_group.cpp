#include "mpi/mpi_process_group.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <mpi.h>

#include <climits>
#include <stdexcept>
#include <string>

namespace splitsim {

MpiProcessGroup::MpiProcessGroup() {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  rank_ = static_cast<std::size_t>(rank);
  size_ = static_cast<std::size_t>(size);
}

std::vector<v1::Candidate> MpiProcessGroup::all_candidates(const std::vector<v1::Candidate>& mine,
                                                           std::size_t total) const {
  // This rank's candidates as one buffer of length-prefixed messages.
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    for (const auto& candidate : mine) {
      out.WriteVarint64(candidate.ByteSizeLong());
      candidate.SerializeWithCachedSizes(&out);
    }
  }
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw std::runtime_error("MPI: one rank's candidates exceed 2 GiB: run on more ranks");
  const int length = static_cast<int>(bytes.size());
  std::vector<int> lengths(size_), offsets(size_);
  MPI_Allgather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, MPI_COMM_WORLD);
  long long sum = 0;
  for (std::size_t r = 0; r < size_; ++r) {
    offsets[r] = static_cast<int>(sum);
    sum += lengths[r];
    if (sum > INT_MAX) throw std::runtime_error("MPI: the candidates exceed 2 GiB: use --search optimize");
  }
  std::string everyone(static_cast<std::size_t>(sum), '\0');
  MPI_Allgatherv(bytes.data(), length, MPI_BYTE, everyone.data(), lengths.data(), offsets.data(), MPI_BYTE,
                 MPI_COMM_WORLD);

  // Rank r's j-th candidate is candidate r + j * size.
  std::vector<v1::Candidate> candidates(total);
  for (std::size_t r = 0; r < size_; ++r) {
    google::protobuf::io::CodedInputStream in(
        reinterpret_cast<const std::uint8_t*>(everyone.data()) + offsets[r], lengths[r]);
    for (std::size_t i = r; i < total; i += size_) {
      std::uint64_t size = 0;
      if (!in.ReadVarint64(&size))
        throw std::runtime_error("MPI: a rank sent fewer candidates than its share");
      const auto limit = in.PushLimit(static_cast<int>(size));
      if (!candidates[i].ParseFromCodedStream(&in) || !in.ConsumedEntireMessage())
        throw std::runtime_error("MPI: a candidate from rank " + std::to_string(r) + " could not be read");
      in.PopLimit(limit);
    }
  }
  return candidates;
}

}  // namespace splitsim
