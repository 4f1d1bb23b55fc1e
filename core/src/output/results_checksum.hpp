// The checksum that makes a results file self-checking: CRC-64/XZ of the deterministic serialisation with
// the checksum field (Results.payload_crc64) cleared, held in that field. It is set only in files: a reader
// checks and clears it, so results in memory, their JSON and their digests never carry it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "results.pb.h"
#include "search/candidate_source.hpp"

namespace splitsim {

// CRC-64/XZ (ECMA-182 polynomial, reflected, as `xz` uses).
std::uint64_t crc64(std::string_view bytes);

// The bytes of a results file: the deterministic serialisation of `results` with the checksum set. The
// checksum, field 15, is the last field, so the file is the plain serialisation followed by 9 bytes.
std::string sealed_results_bytes(const v1::Results& results);

// The same bytes for `results` with `candidates` as its candidates (those of `results` itself are left
// out), given to `sink` a piece at a time: the metadata, each candidate, the recommendation, the checksum.
void write_sealed_results(const v1::Results& results, const CandidateSource& candidates,
                          const std::function<void(std::string_view)>& sink);

enum class Seal {
  kVerified,  // the checksum matched; it is cleared
  kMissing,   // the file has no checksum
  kMismatch,  // the content is not what was written
};

// Checks the checksum of `results`, parsed from `bytes`, and clears it.
Seal unseal_results(v1::Results& results, std::string_view bytes);

// Whether `bytes` end as a file splitsim seals does (the checksum's tag 9 bytes before the end) with a
// checksum that does not match what precedes it: a damaged file, even when it no longer parses.
bool damaged_seal(std::string_view bytes);

}  // namespace splitsim
