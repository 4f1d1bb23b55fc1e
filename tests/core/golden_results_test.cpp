// Golden results: every example scenario, grid and optimize, gives byte for byte the results checked in under
// tests/golden/, on one thread and on two. A refactor must keep them; a change of the model regenerates them
// (SPLITSIM_UPDATE_GOLDEN=1 ctest -R Golden) and its commit says why the numbers moved.
//
// Grid results of the larger examples run to tens of megabytes, so a golden file keeps a digest of the whole
// serialisation (CRC-64/XZ and its size) and, to read a difference, the recommendation and its candidate.
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <boost/crc.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "output/results_io.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

constexpr int kTrials = 24;

struct GoldenCase {
  std::string scenario;  // file in scenarios/
  std::string search;    // grid or optimize
};

// gtest prints the case by name rather than as bytes.
void PrintTo(const GoldenCase& c, std::ostream* out) { *out << c.scenario << " --search " << c.search; }

std::string case_name(const GoldenCase& c) {
  std::string name = fs::path(c.scenario).stem().string() + "_" + c.search;
  for (auto& ch : name) ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return name;
}

fs::path golden_path(const GoldenCase& c) {
  return testing::source_dir() / "tests" / "golden" /
         (fs::path(c.scenario).stem().string() + "." + c.search + ".txtpb");
}

// The results of a run with what varies between identical runs (threads, clock) cleared.
v1::Results run_case(const GoldenCase& c, int threads) {
  const auto out = testing::temp_dir() / "results.pb";
  const auto r = testing::run_splitsim(
      {"run", (testing::source_dir() / "scenarios" / c.scenario).string(), "--search", c.search, "--trials",
       std::to_string(kTrials), "--threads", std::to_string(threads), "--format", "csv", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto results = load_results(out);
  results.mutable_metadata()->clear_execution();
  return results;
}

std::string digest_line(const v1::Results& results) {
  const std::string bytes = serialize_results(results);
  boost::crc_optimal<64, 0x42F0E1EBA9EA3693ull, ~0ull, ~0ull, true, true> crc;  // CRC-64/XZ
  crc.process_bytes(bytes.data(), bytes.size());
  char line[96];
  std::snprintf(line, sizeof line, "# crc64: %016llx bytes: %zu",
                static_cast<unsigned long long>(crc.checksum()), bytes.size());
  return line;
}

// The part of the results a reader of a difference wants first: the recommendation and its candidate.
std::string fingerprint(const v1::Results& results) {
  v1::Results part;
  *part.mutable_recommendation() = results.recommendation();
  if (results.has_recommendation() &&
      static_cast<int>(results.recommendation().candidate_index()) < results.candidates_size()) {
    *part.add_candidates() = results.candidates(static_cast<int>(results.recommendation().candidate_index()));
  }
  std::string text;
  google::protobuf::TextFormat::PrintToString(part, &text);
  return text;
}

std::string golden_text(const GoldenCase& c, const v1::Results& results) {
  return "# Golden results of `splitsim run scenarios/" + c.scenario + " --search " + c.search +
         " --trials " + std::to_string(kTrials) +
         "` (execution fields cleared): the digest of the whole deterministic\n" +
         "# serialisation, then the recommendation and its candidate. Regenerate with "
         "SPLITSIM_UPDATE_GOLDEN=1.\n" +
         digest_line(results) + "\n" + fingerprint(results);
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, ResultsAreByteIdenticalToTheCheckedInOnesOnOneAndTwoThreads) {
  const auto& c = GetParam();
  const auto one = run_case(c, 1);
  const auto two = run_case(c, 2);
  EXPECT_EQ(serialize_results(one), serialize_results(two)) << "1 and 2 threads differ";
  const auto path = golden_path(c);
  if (std::getenv("SPLITSIM_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << golden_text(c, one);
    GTEST_SKIP() << "wrote " << path;
  }
  const std::string expected = slurp(path);
  ASSERT_FALSE(expected.empty()) << path << " is missing: run with SPLITSIM_UPDATE_GOLDEN=1";
  const std::string actual = golden_text(c, one);
  if (actual != expected) {
    // Say which line parts first: the digest line alone when only what the fingerprint leaves out moved.
    std::istringstream want(expected), got(actual);
    std::string want_line, got_line, report;
    for (int line = 1;; ++line) {
      const bool more_wanted = static_cast<bool>(std::getline(want, want_line));
      const bool more_got = static_cast<bool>(std::getline(got, got_line));
      if (!more_wanted && !more_got) break;
      if (want_line == got_line) continue;
      report += "  line " + std::to_string(line) + "\n    expected: " + want_line +
                "\n    actual:   " + got_line + "\n";
      if (want_line.rfind("# crc64", 0) != 0) break;  // past the digest: the first readable difference
    }
    ADD_FAILURE() << path << " differs from this build's results:\n" << report;
  }
}

std::vector<GoldenCase> cases() {
  std::vector<GoldenCase> all;
  for (const char* scenario :
       {"b2b_linkedin.textproto", "brand_awareness.json", "enterprise_launch.textproto",
        "mid_size_multi_network.textproto", "small_business.textproto", "solo_creator.textproto",
        "next_quarter_optimized.textproto", "media_only_current_plan.textproto"}) {
    // next_quarter_optimized optimises its pacing, which only the optimizer can. enterprise_launch's chance
    // constraint on the team's shortfall is kept by few plans: at these 24 trials none the optimizer tries
    // (the grid finds some); ExampleScenarios checks the optimizer on it at the file's own trials.
    if (std::string(scenario) != "next_quarter_optimized.textproto") all.push_back({scenario, "grid"});
    if (std::string(scenario) != "enterprise_launch.textproto") all.push_back({scenario, "optimize"});
  }
  return all;
}

INSTANTIATE_TEST_SUITE_P(Examples, Golden, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return case_name(info.param); });

}  // namespace
}  // namespace splitsim
