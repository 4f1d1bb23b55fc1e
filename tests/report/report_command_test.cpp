// `splitsim report` and `run --report`: a page for every bundled example, whose figures are those of
// `show --format json`, and the error paths.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cmath>
#include <map>
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

// Every chart's spec, by the title it draws (the charts without one under "").
std::multimap<std::string, rapidjson::Document> chart_specs(const std::string& page) {
  std::multimap<std::string, rapidjson::Document> specs;
  const std::string open = "<script type=\"application/json\" data-chart=\"";
  for (auto at = page.find(open); at != std::string::npos; at = page.find(open, at + 1)) {
    const auto begin = page.find('>', at) + 1;
    const auto end = page.find("</script>", begin);
    rapidjson::Document spec;
    spec.Parse(page.substr(begin, end - begin).c_str());
    EXPECT_FALSE(spec.HasParseError());
    std::string title;
    if (spec.HasMember("title")) title = spec["title"]["text"].GetString();
    specs.emplace(title, std::move(spec));
  }
  return specs;
}

const rapidjson::Value& chart_data(const rapidjson::Document& spec, const std::string& name) {
  for (const auto& data : spec["data"].GetArray()) {
    if (std::string(data["name"].GetString()) == name) return data["values"];
  }
  ADD_FAILURE() << "no data " << name;
  return spec["data"];
}

TEST(Report, ChartsDrawTheFiguresOfShowJson) {
  // Not only the headline: each response curve, the frontier, the marginal returns and the probability of
  // the target are drawn from the very figures `show --format json` gives.
  const auto run = testing::run_with_report("media_only_current_plan.textproto", {"--search", "optimize"});
  const auto shown = shown_as_json(run.results);
  const auto& rec = shown.recommendation();
  const auto page = testing::read_text(run.report);
  const auto specs = chart_specs(page);

  ASSERT_GT(rec.report_data().response_curves_size(), 0);
  for (const auto& curve : rec.report_data().response_curves()) {
    ASSERT_EQ(specs.count(curve.channel()), 1u) << curve.channel();
    const auto& spec = specs.find(curve.channel())->second;
    const auto& points = chart_data(spec, "points");
    ASSERT_EQ(static_cast<int>(points.Size()), curve.points_size());
    for (int i = 0; i < curve.points_size(); ++i) {
      const auto& drawn = points[static_cast<rapidjson::SizeType>(i)];
      EXPECT_DOUBLE_EQ(drawn["x"].GetDouble(), curve.points(i).paid());
      EXPECT_DOUBLE_EQ(drawn["p5"].GetDouble(), curve.points(i).p5());
      EXPECT_DOUBLE_EQ(drawn["p50"].GetDouble(), curve.points(i).p50());
      EXPECT_DOUBLE_EQ(drawn["p95"].GetDouble(), curve.points(i).p95());
    }
    EXPECT_DOUBLE_EQ(chart_data(spec, "marker")[0]["x"].GetDouble(), curve.recommended_paid());
  }

  ASSERT_GT(rec.frontier_size(), 1);
  ASSERT_EQ(specs.count("The best plan at each total budget"), 1u);
  const auto& frontier = chart_data(specs.find("The best plan at each total budget")->second, "points");
  ASSERT_EQ(static_cast<int>(frontier.Size()), rec.frontier_size());
  for (int i = 0; i < rec.frontier_size(); ++i) {
    const auto& drawn = frontier[static_cast<rapidjson::SizeType>(i)];
    EXPECT_DOUBLE_EQ(drawn["x"].GetDouble(), rec.frontier(i).budget());
    EXPECT_DOUBLE_EQ(drawn["p50"].GetDouble(), rec.frontier(i).kpi().p50());
  }

  // The marginal returns: one bar per channel and side, of the same value.
  std::map<std::string, double> bars;
  for (const auto& [title, spec] : specs) {
    for (const auto& data : spec["data"].GetArray()) {
      if (std::string(data["name"].GetString()) != "rows") continue;
      for (const auto& row : data["values"].GetArray()) {
        if (row.HasMember("label") && row.HasMember("value") && row["value"].IsNumber())
          bars[row["label"].GetString()] = row["value"].GetDouble();
      }
    }
  }
  ASSERT_GT(rec.marginal_returns_size(), 0);
  for (const auto& m : rec.marginal_returns()) {
    ASSERT_EQ(bars.count(m.channel() + " · paid"), 1u) << m.channel();
    EXPECT_DOUBLE_EQ(bars[m.channel() + " · paid"], m.paid());
  }

  // The distribution's histogram counts every trial the results hold.
  const auto& distribution = rec.report_data().recommended();
  std::uint64_t counted = distribution.non_finite();
  for (const auto count : distribution.bin_counts()) counted += count;
  EXPECT_EQ(counted, shown.metadata().trials());
}

TEST(Report, ACalibratedRunShowsEachCalibratedChannelsPriorAgainstPosteriorAndItsPredictiveCheck) {
  const auto run = testing::calibrated_run_with_report();
  ASSERT_TRUE(run.loaded.has_recommendation());
  const auto& evidence = run.loaded.recommendation().report_data().calibration();
  // The example calibrates facebook and tiktok, in scenario order; instagram stays on its benchmarks.
  ASSERT_EQ(evidence.size(), 2);
  EXPECT_EQ(evidence[0].channel(), "facebook");
  EXPECT_EQ(evidence[1].channel(), "tiktok");
  for (const auto& channel : evidence) {
    EXPECT_EQ(channel.calibration_file(), "account.pb");
    EXPECT_FALSE(channel.first_date().empty());
    ASSERT_GT(channel.parameters_size(), 0) << channel.channel();
    for (const auto& p : channel.parameters()) {
      EXPECT_TRUE(p.calibrated()) << p.name();
      EXPECT_LE(p.posterior_interval().p5(), p.posterior_interval().p95()) << p.name();
    }
    ASSERT_GT(channel.predictive_size(), 0) << channel.channel();
    for (const auto& series : channel.predictive()) {
      EXPECT_EQ(series.p50_size(), series.observed_size()) << series.metric();
      EXPECT_GT(series.coverage(), 0.5) << channel.channel() << " " << series.metric();
    }
  }
  EXPECT_GT(evidence[0].lift_tests_size(), 0) << "the example's conversion-lift study calibrates facebook";

  const auto page = testing::read_text(run.report);
  ASSERT_NE(page.find("id=\"calibration\""), std::string::npos);
  const auto specs = chart_specs(page);
  // A predictive chart per channel and metric, whose dots are the history the account reported.
  for (const auto& channel : evidence) {
    for (const auto& series : channel.predictive()) {
      const std::string title = channel.channel() + " · " + series.metric();
      ASSERT_EQ(specs.count(title), 1u) << title;
      const auto& observed = chart_data(specs.find(title)->second, "observed");
      std::vector<double> reported;
      for (const double v : series.observed()) {
        if (std::isfinite(v)) reported.push_back(v);
      }
      ASSERT_EQ(observed.Size(), reported.size()) << title;
      for (std::size_t i = 0; i < reported.size(); ++i)
        EXPECT_DOUBLE_EQ(observed[static_cast<rapidjson::SizeType>(i)]["value"].GetDouble(), reported[i]);
    }
  }
  EXPECT_NE(page.find(evidence[0].parameters(0).prior_text()), std::string::npos);
}

TEST(Report, AnUncalibratedRunHasNoCalibrationSection) {
  const auto run = testing::run_with_report("small_business.textproto");
  EXPECT_EQ(run.loaded.recommendation().report_data().calibration_size(), 0);
  EXPECT_EQ(testing::read_text(run.report).find("id=\"calibration\""), std::string::npos);
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
