// Reading and writing binary results files. Files are self-checking (a checksum of their content) and not
// trusted: a reader refuses a damaged file, bounds what it allocates, and checks every index and count
// before anything uses them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "results.pb.h"
#include "search/candidate_source.hpp"

namespace splitsim {

// Results files above this are refused before they are read (protobuf reads at most 2 GiB).
inline constexpr std::size_t kMaxResultsBytes = (std::size_t{1} << 31) - 1;

// Serialises deterministically, adds the checksum, and writes atomically.
void save_results(const std::filesystem::path& path, const v1::Results& results);
// The same file for `results` with `candidates` as its candidates, written a candidate at a time.
void save_results(const std::filesystem::path& path, const v1::Results& results,
                  const CandidateSource& candidates);

// What a reader does with a results file that has no checksum (written before files carried one).
enum class MissingChecksum {
  kRefuse,  // what is reused without a look (batch --resume): run the scenario again
  kAccept,  // what a person reads (show): shown, with a note that it could not be verified
};

struct ReadResults {
  v1::Results results;    // checksum cleared
  bool verified = false;  // false only for a file without a checksum, accepted with MissingChecksum::kAccept
};

// Reads a results file: a regular file of at most kMaxResultsBytes whose parsed form stays within a bounded
// multiple of its size, whose checksum matches, and whose indices and counts are sound (check_results).
// Throws InputError naming the file (exit 2) otherwise, e.g. "<file>: the results are damaged (checksum
// mismatch): run the scenario again".
ReadResults read_results(const std::filesystem::path& path, MissingChecksum missing);
// The same on bytes already in memory; `file` names them in messages.
ReadResults parse_results(std::string_view bytes, const std::string& file, MissingChecksum missing);

// read_results(path, MissingChecksum::kRefuse).results: what --resume and every program reuse.
v1::Results load_results(const std::filesystem::path& path);

// Deterministic serialisation (map ordering fixed), used for comparing runs; a file adds the checksum.
std::string serialize_results(const v1::Results& results);

}  // namespace splitsim
