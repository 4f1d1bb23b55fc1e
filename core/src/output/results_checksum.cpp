#include "output/results_checksum.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <boost/crc.hpp>

#include "base/deterministic_bytes.hpp"

namespace splitsim {
namespace {

// The checksum field as it ends a sealed file: its tag (field 15, 64-bit) and the value, little-endian.
constexpr std::size_t kSealBytes = 9;
constexpr char kSealTag = (15 << 3) | 1;

std::string seal_of(std::uint64_t checksum) {
  v1::Results seal;
  seal.set_payload_crc64(checksum);
  return deterministic_bytes(seal);
}

}  // namespace

std::uint64_t crc64(std::string_view bytes) {
  boost::crc_optimal<64, 0x42F0E1EBA9EA3693ull, ~0ull, ~0ull, true, true> crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

std::string sealed_results_bytes(const v1::Results& results) {
  std::string bytes;
  if (results.has_payload_crc64()) {
    v1::Results copy = results;
    copy.clear_payload_crc64();
    bytes = deterministic_bytes(copy);
  } else {
    bytes = deterministic_bytes(results);
  }
  // Fields are serialised in number order and 15 is the highest: appending the field gives exactly the
  // deterministic serialisation of the message with the checksum set.
  return bytes + seal_of(crc64(bytes));
}

void write_sealed_results(const v1::Results& results, const CandidateSource& candidates,
                          const std::function<void(std::string_view)>& sink) {
  // Fields are serialised in number order: the metadata (1), the candidates (2), the recommendation (3),
  // then the checksum (15). Each part is serialised alone as the whole message would serialise it.
  static_assert(v1::Results::kMetadataFieldNumber == 1 && v1::Results::kCandidatesFieldNumber == 2 &&
                v1::Results::kRecommendationFieldNumber == 3 && v1::Results::kPayloadCrc64FieldNumber == 15);
  boost::crc_optimal<64, 0x42F0E1EBA9EA3693ull, ~0ull, ~0ull, true, true> crc;
  const auto put = [&](std::string_view bytes) {
    crc.process_bytes(bytes.data(), bytes.size());
    sink(bytes);
  };
  v1::Results part;
  if (results.has_metadata()) *part.mutable_metadata() = results.metadata();
  put(deterministic_bytes(part));
  part.Clear();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string bytes = candidates.bytes(i);
    std::uint8_t head[1 + 5];  // the tag, and the length as a varint of at most 5 bytes
    head[0] = static_cast<std::uint8_t>(google::protobuf::internal::WireFormatLite::MakeTag(
        v1::Results::kCandidatesFieldNumber,
        google::protobuf::internal::WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
    const auto* end = google::protobuf::io::CodedOutputStream::WriteVarint32ToArray(
        static_cast<std::uint32_t>(bytes.size()), head + 1);
    put(std::string_view(reinterpret_cast<const char*>(head), static_cast<std::size_t>(end - head)));
    put(bytes);
  }
  if (results.has_recommendation()) *part.mutable_recommendation() = results.recommendation();
  put(deterministic_bytes(part));
  sink(seal_of(crc.checksum()));
}

Seal unseal_results(v1::Results& results, std::string_view bytes) {
  if (!results.has_payload_crc64()) return Seal::kMissing;
  const std::uint64_t stored = results.payload_crc64();
  results.clear_payload_crc64();
  // As splitsim writes it, the checksum ends the file and covers what precedes it; a file re-encoded by
  // another tool (fields in another order) is checked against the definition, its serialisation again.
  const std::string seal = seal_of(stored);
  const bool at_end = bytes.size() >= seal.size() && bytes.substr(bytes.size() - seal.size()) == seal;
  const std::uint64_t actual =
      at_end ? crc64(bytes.substr(0, bytes.size() - seal.size())) : crc64(deterministic_bytes(results));
  return actual == stored ? Seal::kVerified : Seal::kMismatch;
}

bool damaged_seal(std::string_view bytes) {
  if (bytes.size() < kSealBytes || bytes[bytes.size() - kSealBytes] != kSealTag) return false;
  std::uint64_t stored = 0;
  for (std::size_t i = 0; i < 8; ++i)
    stored |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[bytes.size() - 8 + i])) << (8 * i);
  return crc64(bytes.substr(0, bytes.size() - kSealBytes)) != stored;
}

}  // namespace splitsim
