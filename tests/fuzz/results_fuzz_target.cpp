// Fuzz target for the readers of files splitsim wrote earlier and reads back: results files (`show`,
// `batch --resume`) and batch manifests. Any input must be accepted, and then be printable as a table, CSV
// and JSON and give a manifest headline, or be refused with an InputError that says something. A crash, a
// sanitizer report, a huge allocation or any other exception is a bug.
//
// The checksum stops nearly every mutated file at the door, as it should; a crafted file carries a right
// one. So each input that parses is also sealed again (its checksum made right) and read once more: the
// checks of indices and counts behind the checksum see every mutation too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "base/errors.hpp"
#include "output/bounded_reader.hpp"
#include "output/formatters.hpp"
#include "output/long_csv_view.hpp"
#include "output/manifest_files.hpp"
#include "output/manifest_reader.hpp"
#include "output/results_checksum.hpp"
#include "output/results_io.hpp"

namespace {

[[noreturn]] void fail(const std::string& why) {
  std::cerr << "results fuzz target: " << why << "\n";
  std::abort();
}

// Runs `read`; an InputError must list problems that each say something, and nothing else may escape.
template <typename Read>
void refused_or(Read&& read) {
  try {
    read();
  } catch (const splitsim::InputError& e) {
    if (e.problems().empty()) fail("an InputError with no problem listed");
    for (const auto& problem : e.problems()) {
      if (problem.message.empty()) fail("an InputError problem with no message");
    }
  } catch (const std::exception& e) {
    fail(std::string("an exception other than InputError: ") + e.what());
  }
}

// What readers of accepted results do with them.
void use(const splitsim::v1::Results& results) {
  (void)splitsim::format_table(results, 10);
  (void)splitsim::format_long_csv(results);
  (void)splitsim::format_json(results);
  (void)splitsim::headline_of(results);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  refused_or(
      [&] { use(splitsim::parse_results(bytes, "fuzz.pb", splitsim::MissingChecksum::kAccept).results); });
  refused_or([&] { (void)splitsim::parse_manifest(bytes, "fuzz-manifest.pb"); });

  splitsim::v1::Results parsed;
  bool parses = false;
  refused_or([&] {
    parses =
        splitsim::parse_bounded(bytes, parsed, "fuzz.pb", {splitsim::kMaxResultsBytes, 48, 64u << 20, {}});
  });
  if (!parses) return 0;
  refused_or([&] {
    const std::string sealed = splitsim::sealed_results_bytes(parsed);
    use(splitsim::parse_results(sealed, "fuzz-sealed.pb", splitsim::MissingChecksum::kRefuse).results);
  });
  // Byte mutations seldom land on the few bytes that are indices: a crafted file puts any number there.
  if (parsed.has_recommendation() && size > 0) {
    // Mutations change the size more often than any one byte: it picks the index (0 to 7: the seeds have 5
    // candidates) and which of the recommendation's and the runner-ups' take it.
    const auto index = static_cast<std::uint32_t>(size % 8);
    auto* recommendation = parsed.mutable_recommendation();
    if ((size / 8) % 2 == 1) recommendation->set_candidate_index(index);
    if ((size / 16) % 2 == 1) {
      for (auto& runner_up : *recommendation->mutable_runner_ups()) runner_up.set_candidate_index(index);
    }
    refused_or([&] {
      const std::string sealed = splitsim::sealed_results_bytes(parsed);
      use(splitsim::parse_results(sealed, "fuzz-indices.pb", splitsim::MissingChecksum::kRefuse).results);
    });
  }

  return 0;
}
