// Results files: atomic writes, round trips, and clear refusals of files that are not results.
#include "output/results_io.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/errors.hpp"
#include "output/atomic_file.hpp"
#include "output/formatters.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

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

TEST(Formatters, JsonUsesFieldNamesAndCsvHasOneRowPerKpi) {
  const auto json = format_json(sample());
  EXPECT_NE(json.find("\"prob_target\": 0.75"), std::string::npos) << json;
  const auto csv = format_csv(sample());
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2);  // header + the one KPI row
  EXPECT_NE(csv.find("0,1,total,"), std::string::npos) << csv;
  EXPECT_THROW(parse_format("xml"), UsageError);
}

}  // namespace
}  // namespace splitsim
