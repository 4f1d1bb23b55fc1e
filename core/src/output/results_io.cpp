#include "output/results_io.hpp"

#include "base/deterministic_bytes.hpp"
#include "base/errors.hpp"
#include "base/kpi.hpp"
#include "output/atomic_file.hpp"
#include "output/bounded_reader.hpp"
#include "output/results_check.hpp"
#include "output/results_checksum.hpp"
#include "scenario/limits.hpp"

namespace splitsim {
namespace {

// Before parsing: the counts no results file exceeds (check_results then holds each against the scenario
// the file records), and memory. A KPI summary, the bulk of every file, takes 128 bytes in memory (as the
// reader estimates it) and from 4 bytes on disk (all zero but its KPI, as for a channel without budget) to
// about 90: the examples' results take under 3 times their size, a file of nothing but zero summaries 32
// times. Empty entries (2 bytes each) would take 44 to 64 times: 48 refuses files of them beyond the 64 MiB
// any file may take.
constexpr std::size_t kMaxFrontierPoints = 64;  // scenarios may ask for 20 budget levels

const ReadBounds& results_bounds() {
  static const ReadBounds bounds = [] {
    auto field = [](const google::protobuf::Descriptor* type, const char* name) {
      return type->FindFieldByName(name);
    };
    const auto kMaxChannelCount = static_cast<std::size_t>(kMaxChannels);
    const auto kMaxKpis = static_cast<std::size_t>(kKpiCount);
    ReadBounds b{kMaxResultsBytes, 48, std::size_t{64} << 20, {}};
    b.repeated = {
        {field(v1::Results::descriptor(), "candidates"), kMaxCandidates},
        {field(v1::RunMetadata::descriptor(), "plugins"), kMaxChannelCount},
        {field(v1::Scenario::descriptor(), "channels"), kMaxChannelCount},
        {field(v1::Candidate::descriptor(), "kpis"), kMaxKpis},
        {field(v1::Candidate::descriptor(), "channels"), kMaxChannelCount},
        {field(v1::ChannelKpis::descriptor(), "kpis"), kMaxKpis},
        {field(v1::Allocation::descriptor(), "channels"), kMaxChannelCount},
        {field(v1::Recommendation::descriptor(), "runner_ups"), kMaxCandidates},
        {field(v1::Recommendation::descriptor(), "frontier"), kMaxFrontierPoints},
        {field(v1::Recommendation::descriptor(), "marginal_returns"), kMaxChannelCount},
    };
    return b;
  }();
  return bounds;
}

const char* const kDamaged = "the results are damaged (checksum mismatch): run the scenario again";
const char* const kNotResults =
    "not a splitsim results file (expected the binary output of `splitsim run -o`)";

}  // namespace

std::string serialize_results(const v1::Results& results) { return deterministic_bytes(results); }

void save_results(const std::filesystem::path& path, const v1::Results& results) {
  write_file_atomically(path, sealed_results_bytes(results));
}

void save_results(const std::filesystem::path& path, const v1::Results& results,
                  const CandidateSource& candidates) {
  write_file_atomically(path, [&](const ByteSink& sink) { write_sealed_results(results, candidates, sink); });
}

ReadResults parse_results(std::string_view bytes, const std::string& file, MissingChecksum missing) {
  ReadResults read;
  bool parsed = false;
  try {
    parsed = parse_bounded(bytes, read.results, file, results_bounds());
  } catch (const InputError&) {
    if (damaged_seal(bytes)) throw InputError(file, kDamaged);
    throw;
  }
  if (!parsed) {
    // A flipped length or tag can make a sealed file unparsable: say it is damaged, not foreign.
    throw InputError(file, damaged_seal(bytes) ? kDamaged : kNotResults);
  }
  const Seal seal = unseal_results(read.results, bytes);
  if (seal == Seal::kMismatch) throw InputError(file, kDamaged);
  if (!read.results.has_metadata() || read.results.metadata().splitsim_version().empty())
    throw InputError(file, kNotResults);
  if (seal == Seal::kMissing && missing == MissingChecksum::kRefuse) {
    throw InputError(file,
                     "no checksum (a file from an earlier splitsim, or not splitsim's), so its figures "
                     "cannot be verified: run the scenario again");
  }
  read.verified = seal == Seal::kVerified;
  check_results(read.results, file);
  return read;
}

ReadResults read_results(const std::filesystem::path& path, MissingChecksum missing) {
  return parse_results(read_bounded_file(path, kMaxResultsBytes), path.string(), missing);
}

v1::Results load_results(const std::filesystem::path& path) {
  return read_results(path, MissingChecksum::kRefuse).results;
}

}  // namespace splitsim
