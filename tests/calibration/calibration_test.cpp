// Calibration end to end in process: known parameters recovered from a simulated year, a lift test narrowing
// the response where it was measured, constant spend leaving the spend elasticity at its prior, and each
// trial of a run taking one whole posterior draw.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cmath>

#include "base/errors.hpp"
#include "calibration/calibrate.hpp"
#include "calibration/calibration_file.hpp"
#include "calibration_support.hpp"
#include "engine/parameter_sampler.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

using testing::parameter_index;

constexpr const char* kMetaScenario = R"(
budget { total: 100000 }
horizon { periods: 13 }
channels { name: "facebook" plugin: "meta" organic { cost_per_post: 100 } }
objective { kpi: CONVERSIONS }
trials: 100
seed: 7
)";

struct Calibrated {
  v1::Calibration message;
  const v1::ChannelCalibration& channel() const { return message.channels(0); }
  const v1::ParameterSummary& parameter(const std::string& name) const {
    for (const auto& p : channel().parameters()) {
      if (p.name() == name) return p;
    }
    throw std::invalid_argument(name);
  }
};

Calibrated calibrate_csv(const ResolvedScenario& scenario, const std::string& history_csv,
                         const std::string& lift_csv = "", std::size_t particles = 200) {
  const auto dir = testing::temp_dir();
  CalibrationData data;
  if (!history_csv.empty()) {
    HistorySource source;
    source.channel = "facebook";
    source.path = testing::write_file(dir, "history.csv", history_csv);
    source.name = "history.csv";
    data.histories.push_back(source);
  }
  if (!lift_csv.empty())
    data.lift_files.push_back({testing::write_file(dir, "lift.csv", lift_csv), "lift.csv"});
  CalibrationOptions options;
  options.particles = particles;
  options.seed = 11;
  return {calibrate(scenario, data, options)};
}

std::vector<double> known_truth(const ResolvedChannel& channel) {
  auto truth = testing::median_parameters(channel);
  testing::set_parameter(channel, truth, "cpm", 16.0);
  testing::set_parameter(channel, truth, "cpm_elasticity", 0.33);
  testing::set_parameter(channel, truth, "ctr", 0.011);
  testing::set_parameter(channel, truth, "cvr", 0.06);
  testing::set_parameter(channel, truth, "conversion_carryover", 0.22);
  return truth;
}

TEST(Calibration, RecoversKnownParametersFromAYearOfVariedSpend) {
  const auto scenario = testing::resolved(kMetaScenario);
  const auto& channel = scenario.channels[0];
  testing::SyntheticHistory h;
  h.channel = &channel;
  h.truth = known_truth(channel);
  h.spend = testing::varied_spend(52, 2000, 40000);
  const auto result = calibrate_csv(scenario, testing::synthetic_history_csv(h));
  ASSERT_EQ(result.message.channels_size(), 1);
  int calibrated = 0;
  for (const auto& p : result.channel().parameters()) {
    if (!p.calibrated()) continue;
    ++calibrated;
    const double truth = h.truth[parameter_index(channel, p.name())];
    EXPECT_GE(truth, p.posterior_interval().p5()) << p.name();
    EXPECT_LE(truth, p.posterior_interval().p95()) << p.name();
  }
  EXPECT_GE(calibrated, 8);
  // The figures an ads export measures directly are pinned down, far beyond their benchmark priors.
  EXPECT_GT(result.parameter("cpm").narrowing(), 0.8);
  EXPECT_GT(result.parameter("cvr").narrowing(), 0.5);
  EXPECT_TRUE(result.parameter("cpm").informed());
  EXPECT_EQ(result.channel().periods(), 52u);
  EXPECT_EQ(result.channel().first_date(), "2024-01-01");
  EXPECT_EQ(result.channel().particles_size(), 200);
  for (const auto& series : result.channel().predictive())
    EXPECT_GT(series.coverage(), 0.7) << series.metric();
  EXPECT_EQ(result.channel().sampler().temperatures(result.channel().sampler().tempering_steps() - 1), 1.0);
}

TEST(Calibration, ALiftTestNarrowsTheResponseAtTheTestedSpend) {
  const auto scenario = testing::resolved(kMetaScenario);
  const auto& channel = scenario.channels[0];
  testing::SyntheticHistory h;
  h.channel = &channel;
  h.truth = known_truth(channel);
  h.spend = testing::varied_spend(26, 2000, 40000);
  // The history without its conversions: only the lift test speaks of them.
  const std::string all = testing::synthetic_history_csv(h);
  std::string history;
  for (std::size_t start = 0; start < all.size();) {
    const std::size_t end = all.find('\n', start);
    const std::string line = all.substr(start, end - start);
    history += line.substr(0, line.rfind(',')) + "\n";
    start = end + 1;
  }
  const auto without = calibrate_csv(scenario, history);
  // A test cell of 20,000 over four weeks on the whole market: about 1.1 million impressions, 11,000 clicks
  // after fatigue and 650 conversions at the truth; measured with a 10% standard error.
  const std::string lift =
      "channel,start,end,spend,incremental_conversions,standard_error\n"
      "facebook,2024-03-04,2024-03-31,20000,650,65\n";
  const auto with = calibrate_csv(scenario, history, lift);
  ASSERT_EQ(with.channel().lift_tests_size(), 1);
  const auto& check = with.channel().lift_tests(0);
  const double prior_width = check.prior_p95() - check.prior_p5();
  const double posterior_width = check.metric_p95() - check.metric_p5();
  EXPECT_LT(posterior_width, 0.5 * prior_width);
  EXPECT_GT(check.metric_p95(), 650 - 2 * 65);
  EXPECT_LT(check.metric_p5(), 650 + 2 * 65);
  // cvr x ctr is what the test measures: cvr narrows with it and not without it.
  EXPECT_GT(with.parameter("cvr").narrowing(), without.parameter("cvr").narrowing() + 0.2);
}

TEST(Calibration, ConstantSpendLeavesTheSpendElasticityAtItsPriorAndSaysSo) {
  const auto scenario = testing::resolved(kMetaScenario);
  const auto& channel = scenario.channels[0];
  testing::SyntheticHistory h;
  h.channel = &channel;
  h.truth = known_truth(channel);
  h.spend.assign(52, 10000.0);
  const auto result = calibrate_csv(scenario, testing::synthetic_history_csv(h));
  const auto& elasticity = result.parameter("cpm_elasticity");
  EXPECT_FALSE(elasticity.informed()) << "narrowed " << elasticity.narrowing();
  EXPECT_NEAR(elasticity.posterior_interval().p50(), elasticity.prior_interval().p50(), 0.03);
  bool said = false, listed = false;
  for (const auto& note : result.channel().notes()) {
    said = said || note.find("spend barely varied") != std::string::npos;
    listed = listed || (note.find("not informed") != std::string::npos &&
                        note.find("cpm_elasticity") != std::string::npos);
  }
  EXPECT_TRUE(said);
  EXPECT_TRUE(listed);
}

TEST(Calibration, WarnsWhenTheDataContradictThePrior) {
  const auto scenario = testing::resolved(kMetaScenario);
  const auto& channel = scenario.channels[0];
  testing::SyntheticHistory h;
  h.channel = &channel;
  h.truth = known_truth(channel);
  testing::set_parameter(channel, h.truth, "cvr", 0.02);  // the prior says 9.21%, with 90% in about 5-14%
  h.spend = testing::varied_spend(52, 2000, 40000);
  const auto result = calibrate_csv(scenario, testing::synthetic_history_csv(h));
  EXPECT_TRUE(result.parameter("cvr").conflict());
  bool warned = false;
  for (const auto& w : result.channel().warnings())
    warned = warned || w.rfind("cvr: the data put it at", 0) == 0;
  EXPECT_TRUE(warned);
}

TEST(Calibration, WarnsWhenTheModelCannotReproduceTheHistory) {
  // Impressions swinging fivefold from week to week at a steady spend: no CPM of the model does that.
  const auto scenario = testing::resolved(kMetaScenario);
  std::string csv = "date,spend,impressions\n";
  for (int w = 0; w < 26; ++w) {
    const auto day = std::chrono::sys_days{std::chrono::year{2024} / 1 / 1} + std::chrono::days(7 * w);
    csv += testing::iso(day) + ",5000," + (w % 2 ? "100000" : "500000") + "\n";
  }
  const auto result = calibrate_csv(scenario, csv);
  ASSERT_EQ(result.channel().predictive_size(), 1);
  EXPECT_LT(result.channel().predictive(0).coverage(), 0.7);
  bool warned = false;
  for (const auto& w : result.channel().warnings())
    warned = warned || w.rfind("the model does not reproduce the history of impressions", 0) == 0;
  EXPECT_TRUE(warned);
}

TEST(Calibration, EachTrialTakesOneWholePosteriorDrawTheSameOnAnyThreadCount) {
  auto scenario = testing::resolved(kMetaScenario);
  auto& channel = scenario.channels[0];
  const auto plain = draw_parameters(channel.parameters, 5, 0, 2000);
  auto draws = std::make_shared<PosteriorDraws>();
  const std::size_t cpm = parameter_index(channel, "cpm"), ctr = parameter_index(channel, "ctr");
  draws->parameters = {cpm, ctr};
  draws->values = {10.0, 0.01, 20.0, 0.02, 30.0, 0.03};  // three draws, cpm and ctr together
  const auto calibrated = draw_parameters(channel.parameters, 5, 0, 2000, draws.get());
  std::array<int, 3> taken{};
  for (std::size_t t = 0; t < 2000; ++t) {
    const double c = calibrated[cpm][t];
    ASSERT_TRUE(c == 10.0 || c == 20.0 || c == 30.0);
    EXPECT_DOUBLE_EQ(calibrated[ctr][t], c / 1000.0) << "cpm and ctr of one trial come from one draw";
    ++taken[static_cast<std::size_t>(c / 10.0) - 1];
    for (std::size_t p = 0; p < channel.parameters.size(); ++p) {
      if (p != cpm && p != ctr) {
        EXPECT_EQ(calibrated[p][t], plain[p][t]);
      }
    }
  }
  for (int count : taken) EXPECT_NEAR(count, 667, 100);
  tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
  EXPECT_EQ(draw_parameters(channel.parameters, 5, 0, 2000, draws.get()), calibrated);
}

TEST(Calibration, RefusesAFileMadeForAnotherScenario) {
  const auto scenario = testing::resolved(kMetaScenario);
  testing::SyntheticHistory h;
  h.channel = &scenario.channels[0];
  h.truth = known_truth(scenario.channels[0]);
  h.spend = testing::varied_spend(13, 2000, 40000);
  const auto calibration = calibrate_csv(scenario, testing::synthetic_history_csv(h), "", 100).message;
  const auto message = [&](const std::string& text) {
    auto other = testing::resolved(text);
    try {
      apply_calibration(other, calibration, "cal.pb");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  auto same = testing::resolved(kMetaScenario);
  apply_calibration(same, calibration, "cal.pb");
  ASSERT_TRUE(same.channels[0].posterior);
  EXPECT_EQ(same.channels[0].posterior->draws(), 100u);
  EXPECT_EQ(same.channels[0].posterior->file, "cal.pb");

  std::string renamed = kMetaScenario;
  renamed.replace(renamed.find("facebook"), 8, "fb_page");
  EXPECT_NE(
      message(renamed).find("the calibration is for channel 'facebook', which this scenario does not have"),
      std::string::npos);
  std::string other_plugin = kMetaScenario;
  other_plugin.replace(other_plugin.find("\"meta\""), 6, "\"instagram\"");
  EXPECT_NE(message(other_plugin).find("was calibrated with plugin 'meta'"), std::string::npos);
  std::string other_prior = kMetaScenario;
  other_prior.replace(other_prior.find("organic {"), 9, "params { name: \"cpm\" fixed: 9 } organic {");
  EXPECT_NE(message(other_prior).find("parameter 'cpm' was log_normal"), std::string::npos);
  std::string monthly = kMetaScenario;
  monthly.replace(monthly.find("periods: 13"), 11, "periods: 3 period_days: 30");
  EXPECT_NE(message(monthly).find("calibrated for periods of 7"), std::string::npos);
  // The plan's own starting state may differ: it is not calibrated.
  std::string more_followers = kMetaScenario;
  more_followers.replace(more_followers.find("organic {"), 9,
                         "params { name: \"followers\" fixed: 20000 } organic {");
  EXPECT_EQ(message(more_followers), "(accepted)");
}

}  // namespace
}  // namespace splitsim
