// Results files: atomic writes, round trips, and clear refusals of files that are not results.
#include "output/results_io.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "base/deterministic_bytes.hpp"
#include "base/errors.hpp"
#include "base/json_text.hpp"
#include "output/atomic_file.hpp"
#include "output/candidate_spool.hpp"
#include "output/formatters.hpp"
#include "output/long_csv_view.hpp"
#include "output/manifest_reader.hpp"
#include "output/output_path.hpp"
#include "output/results_checksum.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

v1::Results sample() {
  v1::Results results;
  results.mutable_metadata()->set_splitsim_version("0.1.0");
  auto* c = results.add_candidates();
  c->set_index(0);
  auto* k = c->add_kpis();
  k->set_kpi(v1::REACH);
  k->set_mean(12.5);
  k->set_prob_target(0.75);
  c->set_objective_value(12.5);
  results.mutable_recommendation()->set_candidate_index(0);
  return results;
}

TEST(ResultsIo, RoundTripIsExact) {
  const auto path = testing::temp_dir() / "r.pb";
  save_results(path, sample());
  EXPECT_EQ(serialize_results(load_results(path)), serialize_results(sample()));
}

TEST(ResultsIo, AtomicWriteLeavesNoTemporaryFileAndReplacesTheOld) {
  const auto dir = testing::temp_dir();
  write_file_atomically(dir / "f", "old");
  write_file_atomically(dir / "f", "new");
  std::ifstream in(dir / "f");
  std::string content;
  in >> content;
  EXPECT_EQ(content, "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(ResultsIo, AtomicWriteIntoAMissingFolderFailsWithoutLeavingAFile) {
  const auto dir = testing::temp_dir();
  EXPECT_THROW(write_file_atomically(dir / "missing" / "f", "x"), std::runtime_error);
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST(ResultsIo, NotAResultsFile) {
  const auto path = testing::write_file(testing::temp_dir(), "junk.pb", "this is not protobuf \xff\xff");
  EXPECT_THROW(load_results(path), InputError);
  EXPECT_THROW(load_results(testing::temp_dir() / "missing.pb"), InputError);
}

// A results file whose recommendation points past the candidates (a bug elsewhere, or a crafted file): the
// table indexed the candidates with it and read past the end of the array.
TEST(ResultsIo, OutOfRangeIndicesAreRefusedNamingTheField) {
  auto bad = sample();
  bad.mutable_recommendation()->set_candidate_index(5);
  const auto path = testing::temp_dir() / "r.pb";
  save_results(path, bad);
  try {
    load_results(path);
    ADD_FAILURE() << "an out-of-range recommendation was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string() + ": recommendation.candidate_index"),
              std::string::npos)
        << e.what();
  }

  auto runner_up = sample();
  runner_up.mutable_recommendation()->add_runner_ups()->set_candidate_index(1);
  save_results(path, runner_up);
  EXPECT_THROW(load_results(path), InputError);
}

// What reading `bytes` refuses them for, or "" when they are accepted.
std::string refusal(const std::string& bytes, MissingChecksum missing = MissingChecksum::kRefuse) {
  try {
    parse_results(bytes, "f.pb", missing);
    return "";
  } catch (const InputError& e) {
    return e.what();
  }
}

void expect_refused(const std::string& bytes, const std::string& because) {
  const auto why = refusal(bytes, MissingChecksum::kAccept);
  EXPECT_NE(why.find(because), std::string::npos) << "'" << because << "' not in: '" << why << "'";
}

// 2 million empty candidates fit in 4 MB but took gigabytes once shown: counted before parsing, and refused.
TEST(ResultsIo, ManySmallMessagesAreRefusedBeforeTheyAreParsed) {
  std::string bytes = deterministic_bytes(sample());
  for (int i = 0; i < 2'000'000; ++i) bytes += std::string("\x12\x00", 2);  // field 2: an empty candidate
  const auto path = testing::write_file(testing::temp_dir(), "many.pb", bytes);
  try {
    load_results(path);
    ADD_FAILURE() << "2 million empty candidates were parsed";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string() + ": Results.candidates: more than 100000 entries"),
              std::string::npos)
        << e.what();
  }

  // The same inside a message: one candidate with 2 million empty KPI summaries.
  const std::string kpis = [] {
    std::string k;
    for (int i = 0; i < 2'000'000; ++i) k += std::string("\x1a\x00", 2);  // Candidate field 3: a summary
    return k;
  }();
  std::string candidate;
  {
    google::protobuf::io::StringOutputStream stream(&candidate);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.WriteTag((2 << 3) | 2);
    out.WriteVarint32(static_cast<std::uint32_t>(kpis.size()));
    out.WriteString(kpis);
  }
  expect_refused(deterministic_bytes(sample()) + candidate, "Candidate.kpis: more than 26 entries");
}

// Within every count, empty entries still take 60 times their bytes once parsed: bounded by memory.
TEST(ResultsIo, WhatAFileCanTakeInMemoryIsBounded) {
  std::string candidate;  // 18 empty summaries, and 64 channels of 18 empty summaries each
  for (int k = 0; k < 18; ++k) candidate += std::string("\x1a\x00", 2);
  std::string channel = "\x22";
  channel += static_cast<char>(36);
  for (int k = 0; k < 18; ++k) channel += std::string("\x12\x00", 2);
  for (int c = 0; c < 64; ++c) candidate += channel;
  std::string framed = "\x12";
  for (std::size_t n = candidate.size(); n > 0; n >>= 7)
    framed += static_cast<char>((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
  framed += candidate;
  std::string bytes = deterministic_bytes(sample());
  for (int i = 0; i < 12'000; ++i) bytes += framed;  // 30 MB
  expect_refused(bytes, "of memory for");
}

TEST(ResultsIo, SavedFilesCarryAChecksumThatReadingChecksAndClears) {
  const auto path = testing::temp_dir() / "r.pb";
  save_results(path, sample());
  const auto bytes = slurp(path);
  v1::Results raw;
  ASSERT_TRUE(raw.ParseFromString(bytes));
  ASSERT_TRUE(raw.has_payload_crc64());
  // The file is the deterministic serialisation of the results with the checksum set, no other form.
  EXPECT_EQ(deterministic_bytes(raw), bytes);
  // ... and the checksum is the CRC-64 of that serialisation without it.
  const auto stored = raw.payload_crc64();
  raw.clear_payload_crc64();
  EXPECT_EQ(crc64(deterministic_bytes(raw)), stored);
  const auto read = read_results(path, MissingChecksum::kRefuse);
  EXPECT_TRUE(read.verified);
  EXPECT_FALSE(read.results.has_payload_crc64());
  EXPECT_EQ(serialize_results(read.results), serialize_results(sample()));
}

// CRC-64 catches every single-bit error: no flipped bit anywhere in a file is read as results.
TEST(ResultsIo, EveryFlippedBitIsRefused) {
  auto results = sample();
  results.mutable_metadata()->mutable_scenario()->set_name("flip me");
  results.mutable_recommendation()->set_explanation("why it won");
  const std::string sealed = sealed_results_bytes(results);
  ASSERT_EQ(refusal(sealed), "");
  for (std::size_t at = 0; at < sealed.size(); ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bytes = sealed;
      bytes[at] = static_cast<char>(bytes[at] ^ (1 << bit));
      // With the checksum's tag flipped the file reads as one without a checksum: refused too (kRefuse).
      EXPECT_NE(refusal(bytes), "") << "byte " << at << " bit " << bit;
    }
  }
  std::string payload = sealed;
  payload[10] = static_cast<char>(payload[10] ^ 4);  // inside the scenario's name: still parses
  EXPECT_EQ(refusal(payload), "f.pb: the results are damaged (checksum mismatch): run the scenario again");
}

// Files from before results carried a checksum: refused where they would be reused unseen (load_results,
// --resume), shown with a note by `show` (MissingChecksum::kAccept).
TEST(ResultsIo, FilesWithoutAChecksumAreRefusedOrAcceptedAsAsked) {
  const auto path = testing::write_file(testing::temp_dir(), "old.pb", deterministic_bytes(sample()));
  try {
    load_results(path);
    ADD_FAILURE() << "a file without a checksum was reused";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string() + ": no checksum"), std::string::npos) << e.what();
  }
  const auto read = read_results(path, MissingChecksum::kAccept);
  EXPECT_FALSE(read.verified);
  EXPECT_EQ(serialize_results(read.results), serialize_results(sample()));
}

// Every index a reader follows and every count it iterates, held against the scenario the file records.
TEST(ResultsIo, IndicesAndCountsAreCheckedAgainstTheScenario) {
  v1::Results good = sample();
  auto* scenario = good.mutable_metadata()->mutable_scenario();
  scenario->add_channels()->set_name("a");
  scenario->add_channels()->set_name("b");
  scenario->mutable_horizon()->set_periods(3);
  scenario->mutable_search()->mutable_optimize()->add_frontier(1.0);
  auto* candidate = good.mutable_candidates(0);
  for (const char* name : {"a", "b"}) {
    candidate->add_channels()->set_channel(name);
    candidate->mutable_allocation()->add_channels()->set_channel(name);
  }
  for (int t = 0; t < 3; ++t) candidate->mutable_allocation()->add_paid_pacing(1.0 / 3);
  auto* point = good.mutable_recommendation()->add_frontier();
  *point->mutable_allocation() = candidate->allocation();
  ASSERT_EQ(refusal(sealed_results_bytes(good)), "");

  const std::vector<std::pair<std::string, std::function<void(v1::Results&)>>> cases = {
      {"f.pb: candidates[0].index: 3, expected 0", [](auto& r) { r.mutable_candidates(0)->set_index(3); }},
      {"candidates[0].channels: 1 entries, expected 2",
       [](auto& r) { r.mutable_candidates(0)->mutable_channels()->RemoveLast(); }},
      {"candidates[0].allocation.channels: 3 entries, expected 2",
       [](auto& r) { r.mutable_candidates(0)->mutable_allocation()->add_channels(); }},
      {"candidates[0].allocation.paid_pacing: 4 entries, expected 3",
       [](auto& r) { r.mutable_candidates(0)->mutable_allocation()->add_paid_pacing(0.0); }},
      {"candidates[0].kpis[1].kpi: REACH is listed twice",
       [](auto& r) { r.mutable_candidates(0)->add_kpis()->set_kpi(v1::REACH); }},
      {"candidates[0].channels[1].kpis[0].kpi: unknown KPI 99",
       [](auto& r) {
         r.mutable_candidates(0)->mutable_channels(1)->add_kpis()->set_kpi(static_cast<v1::Kpi>(99));
       }},
      {"recommendation.runner_ups[0].candidate_index: 1 is out of range: there are 1 candidates",
       [](auto& r) { r.mutable_recommendation()->add_runner_ups()->set_candidate_index(1); }},
      {"recommendation.frontier: 2 entries, more than the 1 budgets",
       [](auto& r) { r.mutable_recommendation()->add_frontier(); }},
      {"recommendation.frontier[0].allocation.channels: 0 entries, expected 2",
       [](auto& r) {
         r.mutable_recommendation()->mutable_frontier(0)->mutable_allocation()->clear_channels();
       }},
      {"recommendation.marginal_returns: 3 entries, more than the 2 channels",
       [](auto& r) {
         for (int i = 0; i < 3; ++i) r.mutable_recommendation()->add_marginal_returns();
       }},
      {"recommendation.objective.statistic: unknown statistic 77",
       [](auto& r) {
         r.mutable_recommendation()->mutable_objective()->set_statistic(static_cast<v1::Statistic>(77));
       }},
      {"metadata.plugins: 3 entries, more than the 2 channels",
       [](auto& r) {
         for (int i = 0; i < 3; ++i) r.mutable_metadata()->add_plugins();
       }},
      {"candidates: 2 entries, more than the 1 finalists",
       [](auto& r) {
         r.mutable_metadata()->mutable_scenario()->mutable_search()->mutable_optimize()->set_finalists(1);
         *r.add_candidates() = r.candidates(0);
         r.mutable_candidates(1)->set_index(1);
       }},
      {"metadata.scenario.horizon.periods: 521 is not a number of periods",
       [](auto& r) { r.mutable_metadata()->mutable_scenario()->mutable_horizon()->set_periods(521); }},
  };
  for (const auto& [because, damage] : cases) {
    auto bad = good;
    damage(bad);
    expect_refused(sealed_results_bytes(bad), because);
  }
}

TEST(ResultsIo, ReadingRefusesWhatIsNotARegularFileWithoutBlocking) {
  const auto dir = testing::temp_dir();
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);  // opening it for reading would wait for a writer
  for (const auto& path : {dir / "fifo", dir, fs::path("/dev/zero")}) {
    try {
      load_results(path);
      ADD_FAILURE() << path << " was read";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(path.string() + ": is "), std::string::npos) << e.what();
    }
  }
}

// Defence in depth under the command's own check: the writer itself replaces only regular files.
TEST(ResultsIo, AtomicWriteReplacesOnlyARegularFile) {
  const auto dir = testing::temp_dir();
  const auto target = testing::write_file(dir, "target", "keep me");
  fs::create_symlink(target, dir / "link");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  fs::create_directory(dir / "folder");
  for (const auto& [name, kind] : std::vector<std::pair<std::string, std::string>>{
           {"link", "a symbolic link"}, {"fifo", "a FIFO"}, {"folder", "a folder"}}) {
    try {
      write_file_atomically(dir / name, "new");
      ADD_FAILURE() << name << " was replaced";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("it is " + kind + ", not a regular file"), std::string::npos)
          << e.what();
    }
  }
  EXPECT_TRUE(fs::is_symlink(dir / "link"));
  EXPECT_EQ(slurp(target), "keep me");
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 4);  // no temporary file
  write_file_atomically(target, "replaced");  // a regular file is replaced
  EXPECT_EQ(slurp(target), "replaced");
}

TEST(OutputPath, AbsentOrRegularIsFineAnythingElseIsRefusedNamingThePath) {
  const auto dir = testing::temp_dir();
  const auto file = testing::write_file(dir, "file", "x");
  EXPECT_NO_THROW(check_output_path(dir / "new.pb"));
  EXPECT_NO_THROW(check_output_path(file));
  fs::create_symlink(file, dir / "link");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  const std::vector<std::pair<fs::path, std::string>> cases = {
      {dir / "missing" / "r.pb", "the folder " + (dir / "missing").string() + " does not exist"},
      {file / "r.pb", file.string() + " is not a folder"},
      {dir, "is a folder"},
      {dir / "link", "is a symbolic link"},
      {dir / "fifo", "is a FIFO"},
  };
  for (const auto& [path, because] : cases) {
    try {
      check_output_path(path);
      ADD_FAILURE() << path << " was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(path.string() + ": ", 0), 0u) << e.what();
      EXPECT_NE(std::string(e.what()).find(because), std::string::npos) << e.what();
    }
  }
}

TEST(ManifestReader, ReadsAManifestAndRefusesWhatIsNot) {
  v1::BatchManifest manifest;
  manifest.set_splitsim_version("0.1.0");
  manifest.add_runs()->set_status(v1::OK);
  const auto dir = testing::temp_dir();
  const auto path = testing::write_file(dir, "manifest.pb", deterministic_bytes(manifest));
  EXPECT_EQ(read_manifest_file(path).runs_size(), 1);
  manifest.add_runs()->set_status(static_cast<v1::RunStatus>(42));
  try {
    parse_manifest(deterministic_bytes(manifest), "m.pb");
    ADD_FAILURE() << "an unknown status was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("m.pb: runs[1].status: unknown status 42"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(parse_manifest("junk \xff", "m.pb"), InputError);
  std::string many = deterministic_bytes(v1::BatchManifest());
  for (int i = 0; i < 1'000'000; ++i) many += std::string("\x12\x00", 2);  // empty runs: no version either
  EXPECT_THROW(parse_manifest(many, "m.pb"), InputError);
}

TEST(Formatters, JsonUsesFieldNamesAndCsvHasOneRowPerKpi) {
  const auto json = format_json(sample());
  EXPECT_NE(json.find("\"prob_target\": 0.75"), std::string::npos) << json;
  const auto csv = format_long_csv(sample());
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2);  // header + the one KPI row
  EXPECT_NE(csv.find("0,1,total,"), std::string::npos) << csv;
  EXPECT_THROW(parse_format("xml"), UsageError);
}

TEST(Formatters, JsonAndCsvWrittenACandidateAtATimeAreTheWholeMessagesText) {
  // Several candidates with nested parts, a recommendation and text that looks like the spliced field.
  v1::Results results = sample();
  results.mutable_metadata()->mutable_scenario()->set_name("\"candidates\": [] in a name");
  for (int i = 1; i < 4; ++i) {
    auto* c = results.add_candidates();
    c->set_index(static_cast<std::uint32_t>(i));
    c->mutable_allocation()->add_channels()->set_channel("ch");
    c->add_channels()->add_kpis()->set_mean(i);
    c->set_infeasible(i == 2 ? "breaks \"x\"" : "");
  }
  results.mutable_recommendation()->add_warnings("w");
  EXPECT_EQ(format_json(results), json_text(results));
  v1::Results none = sample();
  none.clear_candidates();
  EXPECT_EQ(format_json(none), json_text(none));
  // The CSV is one table whatever the stream: the same bytes written to a string or through a stream whose
  // own precision differs.
  std::ostringstream stream;
  stream.precision(3);
  write_long_csv(stream, results);
  const std::string csv = stream.str();
  EXPECT_EQ(csv, format_long_csv(results));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 4);
}

Objective reach_objective() {
  Objective objective;
  objective.kpi = v1::REACH;
  return objective;
}

// A results message with several candidates whose parts are set (and a large one, whose length takes more
// than one byte), a recommendation and metadata, as a run makes them.
v1::Results several() {
  v1::Results results = sample();
  results.mutable_metadata()->mutable_scenario()->set_name("several");
  for (int i = 1; i < 5; ++i) {
    auto* c = results.add_candidates();
    c->set_index(static_cast<std::uint32_t>(i));
    c->mutable_allocation()->add_channels()->set_channel("ch");
    for (int k = 0; k < (i == 3 ? 40 : 1); ++k) c->add_channels()->add_kpis()->set_mean(i + k);
    c->set_objective_value(i);
    c->set_infeasible(i == 2 ? "breaks" : "");
  }
  results.mutable_recommendation()->set_candidate_index(3);
  results.mutable_recommendation()->add_warnings("w");
  return results;
}

TEST(CandidateSpool, KeepsEachCandidateAsItsBytesAndWhatRanksIt) {
  const auto results = several();
  const auto dir = testing::temp_dir();
  CandidateSpool spool(static_cast<std::size_t>(results.candidates_size()), reach_objective(), dir);
  // Stored out of order, as parallel workers store them.
  for (int i = results.candidates_size() - 1; i >= 0; --i)
    spool.store(static_cast<std::size_t>(i), results.candidates(i));
  ASSERT_EQ(spool.size(), 5u);
  for (int i = 0; i < results.candidates_size(); ++i) {
    EXPECT_EQ(spool.bytes(static_cast<std::size_t>(i)), deterministic_bytes(results.candidates(i)));
    EXPECT_EQ(deterministic_bytes(spool.at(static_cast<std::size_t>(i))),
              deterministic_bytes(results.candidates(i)));
    EXPECT_EQ(spool.key(static_cast<std::size_t>(i)).objective_value,
              results.candidates(i).objective_value());
    EXPECT_EQ(spool.key(static_cast<std::size_t>(i)).feasible, results.candidates(i).infeasible().empty());
  }
  // Its file is gone from the folder from the start: nothing is left behind however the run ends.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 0);
}

TEST(CandidateSpool, AFolderItCannotUseIsNamedWithTheReason) {
  try {
    CandidateSpool spool(1, Objective{}, testing::temp_dir() / "missing");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("missing"), std::string::npos) << message;
    EXPECT_NE(message.find("No such file"), std::string::npos) << message;
    EXPECT_NE(message.find("TMPDIR"), std::string::npos) << message;
  }
}

TEST(ResultsIo, ResultsSavedACandidateAtATimeAreTheWholeMessagesFile) {
  const auto whole = several();
  CandidateSpool spool(static_cast<std::size_t>(whole.candidates_size()), reach_objective());
  for (int i = 0; i < whole.candidates_size(); ++i)
    spool.store(static_cast<std::size_t>(i), whole.candidates(i));
  v1::Results frame = whole;
  frame.clear_candidates();
  const auto dir = testing::temp_dir();
  save_results(dir / "whole.pb", whole);
  save_results(dir / "streamed.pb", frame, spool);
  EXPECT_EQ(slurp(dir / "streamed.pb"), slurp(dir / "whole.pb"));
  EXPECT_EQ(slurp(dir / "streamed.pb"), sealed_results_bytes(whole));
  // Without candidates, metadata or recommendation too.
  save_results(dir / "empty.pb", v1::Results{}, spool);
  v1::Results candidates_only = whole;
  candidates_only.clear_metadata();
  candidates_only.clear_recommendation();
  EXPECT_EQ(slurp(dir / "empty.pb"), sealed_results_bytes(candidates_only));
  // The views print the same text from the candidates where they are kept.
  EXPECT_EQ(
      [&] {
        std::ostringstream out;
        write_results(out, frame, spool, Format::kJson);
        return out.str();
      }(),
      format_json(whole));
  for (const auto format : {Format::kTable, Format::kCsv}) {
    std::ostringstream kept, held;
    write_results(kept, frame, spool, format);
    write_results(held, whole, format);
    EXPECT_EQ(kept.str(), held.str());
  }
}

TEST(ResultsIo, AWriterThatFailsLeavesNoFile) {
  const auto dir = testing::temp_dir();
  EXPECT_THROW(write_file_atomically(dir / "f",
                                     [](const ByteSink& sink) {
                                       sink("part");
                                       throw std::runtime_error("the content could not be made");
                                     }),
               std::runtime_error);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 0);
}

}  // namespace
}  // namespace splitsim
