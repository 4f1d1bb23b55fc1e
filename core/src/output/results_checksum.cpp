#include "output/results_checksum.hpp"

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
