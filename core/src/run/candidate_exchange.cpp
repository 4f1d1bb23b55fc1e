#include "run/candidate_exchange.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <stdexcept>
#include <string>

#include "base/gather_or_fail.hpp"

namespace splitsim {

void all_candidates(const ProcessGroup& group, const std::vector<v1::Candidate>& mine, std::size_t total,
                    const std::function<void(std::size_t, const v1::Candidate&)>& each,
                    std::exception_ptr failure) {
  // This process's candidates as one buffer of length-prefixed messages.
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
  Gathered parts;
  gather_or_fail(group, bytes, failure, parts);

  // Rank r's j-th candidate is candidate candidates_of(r).first + j.
  const std::size_t size = group.size();
  v1::Candidate candidate;
  for (std::size_t r = 0; r < size; ++r) {
    const std::string_view part = parts.part(r);
    google::protobuf::io::CodedInputStream in(reinterpret_cast<const std::uint8_t*>(part.data()),
                                              static_cast<int>(part.size()));
    const auto range = candidates_of(r, size, total);
    for (std::size_t i = range.first; i < range.last; ++i) {
      std::uint64_t length = 0;
      if (!in.ReadVarint64(&length))
        throw std::runtime_error("MPI: a rank sent fewer candidates than its share");
      const auto limit = in.PushLimit(static_cast<int>(length));
      if (!candidate.ParseFromCodedStream(&in) || !in.ConsumedEntireMessage())
        throw std::runtime_error("MPI: a candidate from rank " + std::to_string(r) + " could not be read");
      in.PopLimit(limit);
      each(i, candidate);
    }
  }
}

}  // namespace splitsim
