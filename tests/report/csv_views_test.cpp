// `show --format csv --view ...`: one tidy table per view, stable columns, one row per entity, the currency
// on every row, and a default export of a 26,000-candidate grid far below a spreadsheet's limits.
#include "output/csv_views.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "report_support.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string show_csv(const fs::path& results, const std::vector<std::string>& extra) {
  std::vector<std::string> args{"show", results.string(), "--format", "csv"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = testing::run_splitsim(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

class CsvViews : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    run_ = new testing::ReportRun(
        testing::run_with_report("media_only_current_plan.textproto", {"--search", "optimize"}));
  }
  static void TearDownTestSuite() { delete run_; }
  static const v1::Results& results() { return run_->loaded; }
  static const v1::Candidate& best() {
    return results().candidates(static_cast<int>(results().recommendation().candidate_index()));
  }
  static testing::ReportRun* run_;
};
testing::ReportRun* CsvViews::run_ = nullptr;

TEST_F(CsvViews, EachViewHasItsColumnsAndOneRowPerEntity) {
  ASSERT_TRUE(results().has_recommendation());
  const int channels = best().allocation().channels_size();
  const auto& rec = results().recommendation();
  struct Expected {
    std::string view, header;
    int rows;
  };
  const std::vector<Expected> expected{
      {"plan",
       "channel,paid,organic,posts_per_week,paid_share,organic_share,current_paid,current_posts_per_week,"
       "currency",
       channels},
      {"weekly", "period,channel,paid_spend,posts,currency",
       best().allocation().paid_pacing_size() * channels},
      {"frontier", "budget,objective_value,kpi,mean,p5,p50,p95,organic_share,converged,currency",
       rec.frontier_size()},
      {"marginal", "channel,kpi,paid_per_1000,organic_per_1000,organic_possible,currency",
       rec.marginal_returns_size()},
      {"comparison",
       "against,candidate,kpi,mean_difference,ci_low,ci_high,prob_better,statistic,statistic_difference,"
       "statistic_ci_low,statistic_ci_high",
       rec.runner_ups_size() + 1},
  };
  for (const auto& e : expected) {
    const auto lines = lines_of(show_csv(run_->results, {"--view", e.view}));
    ASSERT_FALSE(lines.empty()) << e.view;
    EXPECT_EQ(lines[0], e.header) << e.view;
    EXPECT_EQ(static_cast<int>(lines.size()) - 1, e.rows) << e.view;
    EXPECT_GT(e.rows, 0) << e.view;
    // Every row has the header's columns (no field of this scenario holds a comma).
    const auto columns = std::count(e.header.begin(), e.header.end(), ',');
    for (std::size_t i = 1; i < lines.size(); ++i) {
      EXPECT_EQ(std::count(lines[i].begin(), lines[i].end(), ','), columns) << e.view << ": " << lines[i];
      if (e.header.ends_with(",currency")) {
        EXPECT_TRUE(lines[i].ends_with(",EUR")) << e.view << ": " << lines[i];
      }
    }
  }
}

TEST_F(CsvViews, ThePlanIsTheDefaultViewAndCarriesTheRecommendationRounded) {
  const auto csv = show_csv(run_->results, {});
  EXPECT_EQ(csv, show_csv(run_->results, {"--view", "plan"}));
  const auto lines = lines_of(csv);
  const auto& first = best().allocation().channels(0);
  char paid[64];
  std::snprintf(paid, sizeof paid, "%.2f", first.paid_budget());
  EXPECT_EQ(lines.at(1).rfind(first.channel() + "," + paid + ",", 0), 0u) << lines.at(1);
  // Today's plan beside it.
  char current[64];
  std::snprintf(current, sizeof current, ",%.2f,",
                results().recommendation().baseline().channels(0).current_paid());
  EXPECT_NE(lines.at(1).find(current), std::string::npos) << lines.at(1);
}

TEST_F(CsvViews, CandidatesAreTheBestFirstBoundedByTopOrAll) {
  const int all = results().candidates_size();
  ASSERT_GT(all, 2);
  const auto top = lines_of(show_csv(run_->results, {"--view", "candidates", "--top", "2"}));
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0].rfind("rank,candidate,recommended,feasible,objective_value,organic_share,mean,p5,p50,p95,"
                         "prob_target,paid_",
                         0),
            0u)
      << top[0];
  EXPECT_EQ(top[1].rfind("1," + std::to_string(results().recommendation().candidate_index()) + ",1,1,", 0),
            0u)
      << top[1];
  EXPECT_EQ(lines_of(show_csv(run_->results, {"--view", "candidates", "--all"})).size(),
            static_cast<std::size_t>(all) + 1);
}

TEST_F(CsvViews, CsvDirWritesEveryViewAsItsOwnFile) {
  const auto dir = testing::temp_dir();
  const auto r = testing::run_splitsim({"show", run_->results.string(), "--csv-dir", dir.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* view : {"plan", "weekly", "candidates", "frontier", "marginal", "comparison"}) {
    const auto file = dir / (std::string(view) + ".csv");
    ASSERT_TRUE(fs::exists(file)) << file;
    EXPECT_EQ(testing::read_text(file), show_csv(run_->results, {"--view", view})) << view;
  }
}

TEST_F(CsvViews, CsvDirWritesTheWholeSetOrNothing) {
  // One view's file cannot be written (a folder stands in its place): none of the others is written either,
  // and no temporary file is left, so a folder never holds views of two different runs.
  const auto dir = testing::temp_dir();
  fs::create_directories(dir / "frontier.csv");
  const auto r = testing::run_splitsim({"show", run_->results.string(), "--csv-dir", dir.string()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("frontier.csv"), std::string::npos) << r.err;
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir)) left.push_back(entry.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"frontier.csv"});
}

TEST_F(CsvViews, RunAndShowPrintTheSameViews) {
  const auto dir = testing::temp_dir();
  const auto scenario = (testing::source_dir() / "scenarios/small_business.textproto").string();
  const auto results = dir / "r.pb";
  for (const std::string view : {"plan", "weekly", "candidates", "long"}) {
    std::vector<std::string> args{"run",      scenario, "--trials", "24",
                                  "--format", "csv",    "-o",       results.string()};
    if (view != "plan") args.insert(args.end(), {"--view", view});
    const auto r = testing::run_splitsim(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, show_csv(results, {"--view", view})) << view;
  }
  EXPECT_EQ(lines_of(show_csv(results, {})).front().rfind("channel,paid,organic,", 0), 0u)
      << "the plan is what `run --format csv` prints";
}

TEST_F(CsvViews, AnUnknownViewIsAUsageErrorNamingTheViews) {
  const auto r =
      testing::run_splitsim({"show", run_->results.string(), "--format", "csv", "--view", "everything"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("plan, weekly, candidates"), std::string::npos) << r.err;
}

// A grid of 26,000 candidates on three channels with every KPI summarised, as a fine 3-channel grid gives:
// its default export stays far below a spreadsheet's limits (the long table of the same results is
// hundreds of megabytes).
TEST(CsvViewsSize, TheDefaultExportOfA26000CandidateGridIsBelowOneMegabyte) {
  v1::Results results;
  results.mutable_metadata()->mutable_scenario()->mutable_budget()->set_currency("EUR");
  results.mutable_metadata()->mutable_scenario()->mutable_horizon()->set_period_days(7);
  auto* rec = results.mutable_recommendation();
  rec->mutable_objective()->set_kpi(v1::CONVERSIONS);
  rec->set_candidate_index(0);
  for (int i = 0; i < 26'000; ++i) {
    auto* c = results.add_candidates();
    c->set_index(static_cast<std::uint32_t>(i));
    c->set_objective_value(1000.0 / (1.0 + i) + 0.123456789);
    c->mutable_allocation()->set_organic_share(0.1);
    for (const char* name : {"facebook", "instagram", "tiktok"}) {
      auto* ch = c->mutable_allocation()->add_channels();
      ch->set_channel(name);
      ch->set_paid_budget(12345.678901234);
      ch->set_organic_budget(1234.5678901234);
    }
    auto* k = c->add_kpis();
    k->set_kpi(v1::CONVERSIONS);
    k->set_mean(c->objective_value());
  }
  std::ostringstream candidates, plan;
  write_csv_view(candidates, results, CsvView::kCandidates);
  write_csv_view(plan, results, CsvView::kPlan);
  EXPECT_EQ(lines_of(candidates.str()).size(), static_cast<std::size_t>(kDefaultCsvCandidates) + 1);
  EXPECT_LT(candidates.str().size() + plan.str().size(), 1'000'000u);
  std::ostringstream every;
  write_csv_view(every, results, CsvView::kCandidates, std::nullopt);
  EXPECT_EQ(lines_of(every.str()).size(), 26'001u);
  EXPECT_LT(every.str().size(), 5'000'000u) << "one row per candidate even with --all";
  EXPECT_NE(every.str().find(",12345.68,"), std::string::npos) << "money to the cent";
}

}  // namespace
}  // namespace splitsim
