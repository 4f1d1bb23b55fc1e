// `splitsim report` and `run --report`: a page for every bundled example, whose figures are those of
// `show --format json`, and the error paths.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <regex>

#include "output/results_io.hpp"
#include "report_support.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> example_scenarios() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(testing::source_dir() / "scenarios")) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".textproto" || ext == ".json"))
      names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class EveryExample : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryExample, GivesASelfContainedReport) {
  const auto run = testing::run_with_report(GetParam());
  ASSERT_TRUE(fs::exists(run.report));
  const auto page = testing::read_text(run.report);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_GT(std::stoi(testing::body_attribute(page, "data-charts")), 0);
  // Nothing fetched: no external script, stylesheet, image or frame.
  for (const char* reference : {"<script src", "<link", "<img", "<iframe"}) {
    EXPECT_EQ(page.find(reference), std::string::npos) << reference;
  }
  EXPECT_NE(page.find("window.vega = vega"), std::string::npos) << "the Vega library is built in";
  EXPECT_NE(page.find("id=\"split\""), std::string::npos);
  EXPECT_NE(page.find("id=\"distribution\""), std::string::npos);
  EXPECT_NE(page.find("id=\"metadata\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Report, EveryExample, ::testing::ValuesIn(example_scenarios()),
                         [](const auto& info) {
                           std::string name = fs::path(info.param).stem().string();
                           for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

v1::Results shown_as_json(const fs::path& results) {
  const auto shown = testing::run_splitsim({"show", results.string(), "--format", "json"});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  v1::Results parsed;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(shown.out, &parsed).ok());
  return parsed;
}

TEST(Report, FiguresAgreeWithShowJson) {
  const auto run = testing::run_with_report("media_only_current_plan.textproto");
  ASSERT_TRUE(run.loaded.has_recommendation());
  const auto shown = shown_as_json(run.results);
  const auto page = testing::read_text(run.report);
  rapidjson::Document figures;
  figures.Parse(testing::script_by_id(page, "splitsim-figures").c_str());
  ASSERT_FALSE(figures.HasParseError());
  const auto& rec = shown.recommendation();
  const auto& best = shown.candidates(static_cast<int>(rec.candidate_index()));
  EXPECT_DOUBLE_EQ(figures["objective_value"].GetDouble(), rec.objective_value());
  for (const auto& kpi : best.kpis()) {
    if (kpi.kpi() != rec.objective().kpi()) continue;
    EXPECT_DOUBLE_EQ(figures["objective_summary"]["p5"].GetDouble(), kpi.p5());
    EXPECT_DOUBLE_EQ(figures["objective_summary"]["p95"].GetDouble(), kpi.p95());
  }
  const double period_days = shown.metadata().scenario().horizon().period_days();
  const auto& channels = figures["recommended"]["channels"];
  ASSERT_EQ(static_cast<int>(channels.Size()), best.allocation().channels_size());
  for (int c = 0; c < best.allocation().channels_size(); ++c) {
    const auto& expected = best.allocation().channels(c);
    const auto& shown_channel = channels[static_cast<rapidjson::SizeType>(c)];
    EXPECT_EQ(shown_channel["channel"].GetString(), expected.channel());
    EXPECT_DOUBLE_EQ(shown_channel["paid"].GetDouble(), expected.paid_budget());
    EXPECT_DOUBLE_EQ(shown_channel["organic"].GetDouble(), expected.organic_budget());
    EXPECT_DOUBLE_EQ(shown_channel["posts_per_week"].GetDouble(),
                     expected.posts_per_period() * 7.0 / period_days);
  }
  // The scenario gives today's plan: the split is set against it.
  ASSERT_TRUE(figures.HasMember("reference"));
  EXPECT_STREQ(figures["reference"]["label"].GetString(), "Current plan");
  const auto& today = figures["reference"]["channels"];
  ASSERT_EQ(static_cast<int>(today.Size()), rec.baseline().channels_size());
  for (int c = 0; c < rec.baseline().channels_size(); ++c) {
    EXPECT_DOUBLE_EQ(today[static_cast<rapidjson::SizeType>(c)]["paid"].GetDouble(),
                     rec.baseline().channels(c).current_paid());
  }
}

TEST(Report, TheReportCommandWritesThePageRunWrote) {
  const auto run = testing::run_with_report("small_business.textproto");
  const auto again = testing::temp_dir() / "again.html";
  const auto r = testing::run_splitsim({"report", run.results.string(), "-o", again.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::read_text(again), testing::read_text(run.report));
}

TEST(Report, AMissingResultsFileIsBadInputAndWritesNothing) {
  const auto dir = testing::temp_dir();
  const auto r =
      testing::run_splitsim({"report", (dir / "absent.pb").string(), "-o", (dir / "r.html").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("absent.pb"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "r.html"));
}

TEST(Report, AFileThatIsNotResultsIsBadInputAndWritesNothing) {
  const auto dir = testing::temp_dir();
  const auto bad = testing::write_file(dir, "bad.pb", "not a results file");
  const auto r = testing::run_splitsim({"report", bad.string(), "-o", (dir / "r.html").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("bad.pb"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "r.html"));
}

TEST(Report, WithoutAnOutputItIsAUsageError) {
  const auto run = testing::run_with_report("small_business.textproto");
  const auto r = testing::run_splitsim({"report", run.results.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("output"), std::string::npos) << r.err;
}

TEST(Report, ResultsWithoutReportDataGiveAPageWithoutTheSectionsThatNeedIt) {
  // As results from a splitsim before report_data: the page draws what the other fields hold.
  const auto run = testing::run_with_report("small_business.textproto");
  ASSERT_TRUE(run.loaded.has_recommendation());
  auto older = run.loaded;
  older.mutable_recommendation()->clear_report_data();
  const auto dir = testing::temp_dir();
  save_results(dir / "older.pb", older);
  const auto r =
      testing::run_splitsim({"report", (dir / "older.pb").string(), "-o", (dir / "older.html").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto page = testing::read_text(dir / "older.html");
  EXPECT_NE(page.find("id=\"split\""), std::string::npos);
  EXPECT_NE(page.find("id=\"metadata\""), std::string::npos);
  for (const char* section : {"id=\"distribution\"", "id=\"response\""}) {
    EXPECT_EQ(page.find(section), std::string::npos) << section;
  }
  EXPECT_LT(std::stoi(testing::body_attribute(page, "data-charts")),
            std::stoi(testing::body_attribute(testing::read_text(run.report), "data-charts")));
}

}  // namespace
}  // namespace splitsim
