// What a report draws and the results now store: the objective KPI's distributions (recommendation and its
// reference) and each channel's response curve.
#include "run/report_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "report_support.hpp"

namespace splitsim {
namespace {

TEST(ReportData, HistogramCountsEveryFiniteTrialAndSetsTheRestApart) {
  const double inf = std::numeric_limits<double>::infinity();
  const auto d = describe_distribution(v1::CPA, {1.0, 2.0, 3.0, inf, 4.0, std::nan("")}, 1.0, 4.0, 3.0);
  EXPECT_EQ(d.non_finite(), 2u);
  ASSERT_EQ(d.bin_counts_size(), kReportBins);
  ASSERT_EQ(d.bin_edges_size(), kReportBins + 1);
  std::uint64_t counted = 0;
  for (const auto c : d.bin_counts()) counted += c;
  EXPECT_EQ(counted, 4u);
  EXPECT_EQ(d.bin_counts(0), 1u);                // the low edge belongs to the first bin
  EXPECT_EQ(d.bin_counts(kReportBins - 1), 1u);  // and the high edge to the last
  EXPECT_DOUBLE_EQ(d.bin_edges(0), 1.0);
  EXPECT_DOUBLE_EQ(d.bin_edges(kReportBins), 4.0);
  ASSERT_EQ(d.quantiles_size(), 99);
  EXPECT_DOUBLE_EQ(d.quantiles(49), 2.5);  // P50 of 1, 2, 3, 4
  EXPECT_DOUBLE_EQ(d.mean(), 2.5);
  // CPA: lower is better, so reaching a target of 3 is being at most 3.
  ASSERT_TRUE(d.has_prob_target());
  EXPECT_DOUBLE_EQ(d.prob_target(), 0.75);
}

TEST(ReportData, NoFiniteTrialGivesAnEmptyDistribution) {
  const auto d = describe_distribution(v1::CPA, {std::numeric_limits<double>::infinity()}, 0.0, 1.0, {});
  EXPECT_EQ(d.non_finite(), 1u);
  EXPECT_EQ(d.bin_counts_size(), 0);
  EXPECT_EQ(d.quantiles_size(), 0);
}

const v1::ReportData& data_of(const testing::ReportRun& run) {
  return run.loaded.recommendation().report_data();
}

TEST(ReportData, WithoutACurrentPlanTheReferenceIsTheRunnerUp) {
  const auto run = testing::run_with_report("small_business.textproto");
  const auto& data = data_of(run);
  EXPECT_EQ(data.version(), 1u);
  ASSERT_EQ(data.reference_kind(), v1::ReportData::RUNNER_UP);
  ASSERT_GT(run.loaded.recommendation().runner_ups_size(), 0);
  EXPECT_EQ(data.reference_candidate(), run.loaded.recommendation().runner_ups(0).candidate_index());
  EXPECT_EQ(data.recommended().kpi(), run.loaded.recommendation().objective().kpi());
  EXPECT_GT(data.reference().bin_counts_size(), 0);
  // Shared bins: both distributions are drawn on one axis.
  ASSERT_EQ(data.reference().bin_edges_size(), data.recommended().bin_edges_size());
  for (int i = 0; i < data.recommended().bin_edges_size(); ++i)
    EXPECT_EQ(data.reference().bin_edges(i), data.recommended().bin_edges(i));
}

TEST(ReportData, WithACurrentPlanTheReferenceIsTodaysPlan) {
  const auto run = testing::run_with_report("media_only_current_plan.textproto");
  EXPECT_EQ(data_of(run).reference_kind(), v1::ReportData::CURRENT_PLAN);
  EXPECT_GT(data_of(run).reference().quantiles_size(), 0);
}

TEST(ReportData, ResultsKeepNoPerTrialArraysUnlessAsked) {
  const auto plain = testing::run_with_report("media_only_current_plan.textproto");
  EXPECT_EQ(data_of(plain).recommended().trials_size(), 0);
  EXPECT_EQ(data_of(plain).reference().trials_size(), 0);

  const auto kept = testing::run_with_report("media_only_current_plan.textproto", {"--keep-trials"});
  const auto trials = static_cast<int>(kept.loaded.metadata().trials());
  const auto& recommended = data_of(kept).recommended();
  ASSERT_EQ(recommended.trials_size(), trials);
  ASSERT_EQ(data_of(kept).reference().trials_size(), trials);
  EXPECT_TRUE(kept.loaded.metadata().scenario().keep_trials());
  // The very trials the summaries describe: their P50 (type 7) is the stored one, and every other figure of
  // the results is as without the option.
  std::vector<double> sorted(recommended.trials().begin(), recommended.trials().end());
  std::sort(sorted.begin(), sorted.end());
  const double h = 0.5 * (sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(h);
  const double p50 = sorted[lo] + (h - lo) * (sorted[std::min(lo + 1, sorted.size() - 1)] - sorted[lo]);
  EXPECT_DOUBLE_EQ(p50, recommended.quantiles(49));
  EXPECT_EQ(recommended.bin_counts_size(), data_of(plain).recommended().bin_counts_size());
  for (int i = 0; i < recommended.quantiles_size(); ++i)
    EXPECT_EQ(recommended.quantiles(i), data_of(plain).recommended().quantiles(i));
  EXPECT_EQ(kept.loaded.recommendation().candidate_index(), plain.loaded.recommendation().candidate_index());
}

TEST(ReportData, EachChannelsResponseCurveRunsFromNothingToTwiceItsAmountThroughTheRecommendation) {
  const auto run = testing::run_with_report("media_only_current_plan.textproto");
  const auto& data = data_of(run);
  ASSERT_TRUE(run.loaded.has_recommendation());
  const auto& best = run.loaded.candidates(static_cast<int>(run.loaded.recommendation().candidate_index()));
  ASSERT_EQ(data.response_curves_size(), best.allocation().channels_size());
  int with_money = 0;
  for (int c = 0; c < data.response_curves_size(); ++c) {
    const auto& curve = data.response_curves(c);
    const auto& channel = best.allocation().channels(c);
    EXPECT_EQ(curve.channel(), channel.channel());
    EXPECT_DOUBLE_EQ(curve.recommended_paid(), channel.paid_budget());
    if (channel.paid_budget() <= 0.0) continue;
    ++with_money;
    ASSERT_EQ(curve.points_size(), kResponsePoints) << curve.channel();
    EXPECT_EQ(curve.points(0).paid(), 0.0);
    EXPECT_DOUBLE_EQ(curve.points(kResponsePoints - 1).paid(), 2.0 * channel.paid_budget());
    for (const auto& p : curve.points()) {
      EXPECT_LE(p.p5(), p.p50());
      EXPECT_LE(p.p50(), p.p95());
    }
    // The middle point is the recommendation itself, on the same trials as its distribution.
    const auto& middle = curve.points(kResponsePoints / 2);
    EXPECT_DOUBLE_EQ(middle.paid(), channel.paid_budget());
    EXPECT_DOUBLE_EQ(middle.p50(), data.recommended().quantiles(49));
  }
  EXPECT_GT(with_money, 0);
}

TEST(ReportData, PeriodSeriesGiveEachFlowPeriodByPeriodAddingUpToItsTotal) {
  const auto run = testing::run_with_report("media_only_current_plan.textproto");
  const auto& data = data_of(run);
  ASSERT_TRUE(run.loaded.has_recommendation());
  const auto periods = run.loaded.metadata().scenario().horizon().periods();
  ASSERT_EQ(data.period_series_size(), 4);
  EXPECT_EQ(data.period_series(3).kpi(), v1::CONVERSIONS);
  for (const auto& series : data.period_series()) {
    ASSERT_EQ(series.recommended_size(), periods) << v1::Kpi_Name(series.kpi());
    EXPECT_EQ(series.reference_size(), periods) << "today's plan, period by period";
    for (const auto& band : series.recommended()) {
      EXPECT_LE(band.p5(), band.p50());
      EXPECT_LE(band.p50(), band.p95());
    }
  }
  // The periods' means add up to the horizon's mean of the same trials (the objective is conversions).
  double sum = 0.0;
  for (const auto& band : data.period_series(3).recommended()) sum += band.mean();
  EXPECT_NEAR(sum, data.recommended().mean(), 1e-6 * std::max(1.0, sum));
}

}  // namespace
}  // namespace splitsim
