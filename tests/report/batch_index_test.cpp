// `splitsim batch --report`: each finished scenario's report beside its results, and index.html listing
// every scenario with its status and headline figures, linked to its report.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <map>
#include <regex>
#include <sstream>

#include "output/manifest_reader.hpp"
#include "output/results_io.hpp"
#include "report_support.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

TEST(BatchReport, TheIndexListsEveryScenarioAndLinksEachFinishedOneToItsReport) {
  const auto dir = testing::temp_dir();
  const auto broken = testing::write_file(dir, "broken.textproto", "budget { total: -1 }\n");
  const auto out = dir / "out";
  fs::create_directories(out);
  const auto r =
      testing::run_splitsim({"batch", (testing::source_dir() / "scenarios/small_business.textproto").string(),
                             (testing::source_dir() / "scenarios/b2b_linkedin.textproto").string(),
                             broken.string(), "-o", out.string(), "--trials", "24", "--report"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // one scenario is invalid: the others still run and are reported
  ASSERT_TRUE(fs::exists(out / "index.html")) << r.err;
  const auto index = testing::read_text(out / "index.html");
  for (const char* name : {"small_business.textproto", "b2b_linkedin.textproto", "broken.textproto"}) {
    EXPECT_NE(index.find(name), std::string::npos) << name;
  }
  EXPECT_NE(index.find("invalid"), std::string::npos);
  const std::regex link("<a href=\"([^\"]+)\">report</a>");
  int links = 0;
  for (std::sregex_iterator it(index.begin(), index.end(), link), end; it != end; ++it, ++links) {
    const auto report = out / (*it)[1].str();
    ASSERT_TRUE(fs::exists(report)) << report;
    EXPECT_GT(std::stoi(testing::body_attribute(testing::read_text(report), "data-charts")), 0) << report;
  }
  EXPECT_EQ(links, 2) << "one link per finished scenario";

  // The split chart: one bar per finished scenario, its parts the manifest's money per channel and side
  // as shares adding up to 1.
  ASSERT_NE(index.find("id=\"splits\""), std::string::npos);
  const auto at = index.find("data-chart=\"chart-1\">");
  ASSERT_NE(at, std::string::npos);
  const auto begin = index.find('>', at) + 1;
  rapidjson::Document spec;
  spec.Parse(index.substr(begin, index.find("</script>", begin) - begin).c_str());
  ASSERT_FALSE(spec.HasParseError());
  std::map<std::string, double> shares;
  for (const auto& row : spec["data"][0]["values"].GetArray())
    shares[row["row"].GetString()] += row["share"].GetDouble();
  const auto manifest = parse_manifest(testing::read_text(out / "manifest.pb"), "manifest.pb");
  std::size_t finished = 0;
  for (const auto& run : manifest.runs()) {
    if (run.status() != v1::OK) continue;
    ++finished;
    ASSERT_EQ(shares.count(run.headline().scenario_name()), 1u) << run.headline().scenario_name();
    EXPECT_NEAR(shares[run.headline().scenario_name()], 1.0, 1e-12);
  }
  EXPECT_EQ(shares.size(), finished);
}

TEST(BatchReport, WithoutTheOptionNoPageIsWritten) {
  const auto out = testing::temp_dir() / "out";
  fs::create_directories(out);
  const auto r =
      testing::run_splitsim({"batch", (testing::source_dir() / "scenarios/small_business.textproto").string(),
                             "-o", out.string(), "--trials", "24"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& entry : fs::directory_iterator(out))
    EXPECT_NE(entry.path().extension(), ".html") << entry.path();
}

// The manifest says whose plan, for how much, split how and at what cost, without opening each results file.
TEST(BatchManifest, CarriesTheScenarioNameBudgetCurrencySplitAndAllInCpa) {
  const auto out = testing::temp_dir() / "out";
  fs::create_directories(out);
  const auto r =
      testing::run_splitsim({"batch", (testing::source_dir() / "scenarios/small_business.textproto").string(),
                             "-o", out.string(), "--trials", "24"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto results = load_results(out / "small_business.pb");
  const auto& scenario = results.metadata().scenario();
  const auto& best = results.candidates(static_cast<int>(results.recommendation().candidate_index()));

  const auto manifest = parse_manifest(testing::read_text(out / "manifest.pb"), "manifest.pb");
  ASSERT_EQ(manifest.runs_size(), 1);
  const auto& h = manifest.runs(0).headline();
  EXPECT_EQ(h.scenario_name(), scenario.name());
  EXPECT_EQ(h.budget(), scenario.budget().total());
  EXPECT_EQ(h.currency(), scenario.budget().currency().empty() ? "USD" : scenario.budget().currency());
  ASSERT_EQ(h.channels_size(), best.allocation().channels_size());
  for (int c = 0; c < h.channels_size(); ++c) {
    EXPECT_EQ(h.channels(c).channel(), best.allocation().channels(c).channel());
    EXPECT_EQ(h.channels(c).paid(), best.allocation().channels(c).paid_budget());
    EXPECT_EQ(h.channels(c).organic(), best.allocation().channels(c).organic_budget());
  }
  for (const auto& k : best.kpis()) {
    if (k.kpi() == v1::CPA) {
      ASSERT_TRUE(h.has_all_in_cpa());
      EXPECT_EQ(h.all_in_cpa(), k.ratio_of_means());
    }
  }

  std::istringstream csv(testing::read_text(out / "manifest.csv"));
  std::string header, row;
  std::getline(csv, header);
  std::getline(csv, row);
  EXPECT_TRUE(header.ends_with(
      ",message,scenario_name,budget,currency,paid_by_channel,organic_by_channel,all_in_cpa"))
      << header;
  char paid[96];
  std::snprintf(paid, sizeof paid, "%s:%.2f", best.allocation().channels(0).channel().c_str(),
                best.allocation().channels(0).paid_budget());
  EXPECT_NE(row.find(paid), std::string::npos) << row;
  EXPECT_NE(row.find("," + h.currency() + ","), std::string::npos) << row;
}

}  // namespace
}  // namespace splitsim
