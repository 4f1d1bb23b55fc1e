// Inputs as users think of them: rates and costs by mean and spread, and a suggestion for a misspelt name.
#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "base/did_you_mean.hpp"
#include "base/errors.hpp"
#include "base/money_unit.hpp"
#include "engine/parameter_sampler.hpp"
#include "run/currency_notice.hpp"
#include "scenario/parameter_distribution.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"
#include "stats/summary.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

using testing::run_splitsim;

v1::Parameter parse_parameter(const std::string& text) {
  v1::Parameter parameter;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &parameter)) << text;
  return parameter;
}

// Mean and sd of many draws of the parameter (on [0, 1e9], so no truncation).
Summary drawn(const std::string& text, double max = 1e9) {
  ResolvedParameter p;
  p.spec.name = "x";
  p.spec.min = 0.0;
  p.spec.max = max;
  p.distribution = to_distribution(parse_parameter(text));
  return summarize(draw_parameters({p}, 7, 0, 40000)[0]);
}

TEST(ParameterForms, BetaMeanWithSdHasThatMeanAndSd) {
  const auto s = drawn("name: 'ctr' beta_mean { mean: 0.011 sd: 0.002 }", 1.0);
  EXPECT_NEAR(s.mean, 0.011, 0.0001);
  EXPECT_NEAR(s.sd, 0.002, 0.0001);
}

TEST(ParameterForms, BetaMeanWithConcentrationIsTheBetaOfThatMeanAndAlphaPlusBeta) {
  const auto d = to_distribution(parse_parameter("name: 'ctr' beta_mean { mean: 0.2 concentration: 50 }"));
  EXPECT_EQ(d.kind, DistributionKind::kBeta);
  EXPECT_DOUBLE_EQ(d.a, 10.0);
  EXPECT_DOUBLE_EQ(d.b, 40.0);
  const auto s = drawn("name: 'ctr' beta_mean { mean: 0.2 concentration: 50 }", 1.0);
  EXPECT_NEAR(s.mean, 0.2, 0.002);
  EXPECT_NEAR(s.sd, std::sqrt(0.2 * 0.8 / 51.0), 0.002);
}

TEST(ParameterForms, LogNormalByMeanAndSdHasThatMeanAndSd) {
  const auto s = drawn("name: 'cpm' log_normal { mean: 9.5 sd: 3 }");
  EXPECT_NEAR(s.mean, 9.5, 0.1);
  EXPECT_NEAR(s.sd, 3.0, 0.15);
  // The median-and-sigma form is unchanged.
  const auto d = to_distribution(parse_parameter("name: 'cpm' log_normal { median: 9 sigma: 0.3 }"));
  EXPECT_EQ(d.a, 9.0);
  EXPECT_EQ(d.b, 0.3);
}

// A scenario whose facebook channel has the given parameter lines (on line 4 onwards).
std::filesystem::path scenario_with(const std::string& params, const std::string& extra = "",
                                    const std::string& preset = "") {
  const std::string text =
      "budget { total: 6000 }\nhorizon { periods: 4 }\nchannels { name: \"facebook\" "
      "plugin: \"meta\" organic { cost_per_post: 100 }\n" +
      params +
      "\n}\nchannels { name: \"linkedin\" plugin: \"linkedin\" organic { "
      "cost_per_post: 100 } }\nobjective { kpi: CONVERSIONS }\ntrials: 50\n" +
      extra + preset;
  return testing::write_file(testing::temp_dir(), "s.textproto", text);
}

TEST(ParameterForms, AScenarioWithTheNewFormsIsValid) {
  const auto file = scenario_with(
      "params { name: \"ctr\" beta_mean { mean: 0.011 sd: 0.002 } }\n"
      "params { name: \"cvr\" beta_mean { mean: 0.05 concentration: 200 } }\n"
      "params { name: \"cpm\" log_normal { mean: 9.5 sd: 3 } }");
  const auto r = run_splitsim({"validate", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(ParameterForms, AnSdTooLargeForTheMeanIsRefusedWithTheLargestValidSd) {
  const auto file = scenario_with("params { name: \"ctr\" beta_mean { mean: 0.011 sd: 0.2 } }");
  const auto r = run_splitsim({"validate", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(file.string() + ":4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("channels[0].params[0].beta_mean.sd"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("below 0.104"), std::string::npos) << r.err;  // sqrt(0.011 * 0.989)
  const auto dir = testing::temp_dir();
  const auto run = run_splitsim({"run", file.string(), "-o", (dir / "r.pb").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST(ParameterForms, ImpossibleCombinationsAreRefused) {
  struct Case {
    std::string params, field, words;
  };
  for (const auto& c : {
           Case{"params { name: \"ctr\" beta_mean { mean: 1.2 sd: 0.1 } }", "beta_mean.mean",
                "between 0 and 1"},
           Case{"params { name: \"ctr\" beta_mean { mean: 0.1 } }", "beta_mean",
                "exactly one of sd or concentration"},
           Case{"params { name: \"ctr\" beta_mean { mean: 0.1 sd: 0.01 concentration: 5 } }", "beta_mean",
                "exactly one"},
           Case{"params { name: \"ctr\" beta_mean { mean: 0.1 concentration: -1 } }",
                "beta_mean.concentration", "must be > 0"},
           Case{"params { name: \"cpm\" log_normal { mean: 9 sd: 3 median: 9 } }", "log_normal", "not both"},
           Case{"params { name: \"cpm\" log_normal { mean: 9 } }", "log_normal.sd", "give both mean and sd"},
           Case{"params { name: \"cpm\" log_normal { mean: 9 sd: -3 } }", "log_normal.sd", "must be > 0"},
           Case{"params { name: \"cpm\" log_normal { mean: 9 sd: 1e300 } }", "log_normal.sd", "too large"},
           Case{"params { name: \"cpm\" log_normal { mean: 9000 sd: 3 } }", "log_normal.mean",
                "outside the valid range"},
       }) {
    SCOPED_TRACE(c.params);
    const auto r = run_splitsim({"validate", scenario_with(c.params).string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("channels[0].params[0]." + c.field), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.words), std::string::npos) << r.err;
  }
}

TEST(DidYouMean, EditDistanceCountsSwapsAsOneEditAndIgnoresCase) {
  EXPECT_EQ(edit_distance("cmp", "cpm"), 1u);
  EXPECT_EQ(edit_distance("CONVERSION", "conversions"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(DidYouMean, OnlyCloseNamesAreSuggested) {
  const std::vector<std::string> known{"cpm", "ctr", "cvr", "audience", "organic_reach_rate"};
  EXPECT_EQ(closest_name("cmp", known), "cpm");
  EXPECT_EQ(closest_name("audeince", known), "audience");
  EXPECT_EQ(closest_name("organic_rech_rate", known), "organic_reach_rate");
  EXPECT_EQ(closest_name("budget", known), "");
  EXPECT_EQ(closest_name("xyz", known), "");
  EXPECT_EQ(did_you_mean("budget", known), "");
}

// Runs `validate` on a scenario text and returns stderr, expecting exit code 2.
std::string refused(const std::string& text, const std::string& name = "s.textproto") {
  const auto file = testing::write_file(testing::temp_dir(), name, text);
  const auto r = run_splitsim({"validate", file.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  return r.err;
}

TEST(DidYouMean, AMisspeltParameterNameGetsASuggestion) {
  const auto file = scenario_with("params { name: \"cmp\" fixed: 10 }");
  const auto r = run_splitsim({"validate", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("has no parameter 'cmp'; did you mean 'cpm'?"), std::string::npos) << r.err;
}

TEST(DidYouMean, AMisspeltPluginPresetAndChannelGetSuggestions) {
  const auto err = refused(
      "budget { total: 60000 }\nhorizon { periods: 4 }\nteam { preset: \"smal\" }\n"
      "channels { name: \"facebook\" plugin: \"mta\" organic { format: CRAFTED } }\n"
      "channels { name: \"instagram\" plugin: \"instagram\" organic { format: CRAFTED } }\n"
      "overlaps { a: \"facebok\" b: \"instagram\" overlap: 0.5 }\nobjective { kpi: REACH }\n");
  EXPECT_NE(err.find("unknown plugin 'mta'; did you mean 'meta'?"), std::string::npos) << err;
  EXPECT_NE(err.find("unknown team preset 'smal'; did you mean 'small'?"), std::string::npos) << err;
  EXPECT_NE(err.find("'facebok' is not a channel of this scenario; did you mean 'facebook'?"),
            std::string::npos)
      << err;
}

TEST(DidYouMean, AMisspeltEnumValueOrFieldInTextFormatGetsASuggestion) {
  auto err = refused("budget { total: 6000 }\nobjective { kpi: CONVERSION }\n");
  EXPECT_NE(err.find("did you mean CONVERSIONS?"), std::string::npos) << err;
  EXPECT_NE(err.find(":2:"), std::string::npos) << err;
  err = refused("budget { totl: 6000 }\n");
  EXPECT_NE(err.find("did you mean `total`?"), std::string::npos) << err;
  // A name far from every field gets no guess.
  err = refused("budget { something_else: 6000 }\n");
  EXPECT_EQ(err.find("did you mean"), std::string::npos) << err;
}

TEST(DidYouMean, AMisspeltEnumValueOrFieldInJsonGetsASuggestion) {
  auto err = refused("{\n  \"budget\": {\"total\": 6000},\n  \"objective\": {\"kpi\": \"CONVERSION\"}\n}\n",
                     "s.json");
  EXPECT_NE(err.find("did you mean CONVERSIONS?"), std::string::npos) << err;
  err = refused("{\n  \"budget\": {\"totl\": 6000}\n}\n", "s.json");
  EXPECT_NE(err.find("did you mean `total`?"), std::string::npos) << err;
}

// A plugin whose CPM default is quoted in USD, as its unit says, and whose CTR is a plain fraction.
PluginInfo usd_plugin_info() {
  PluginInfo info{"usd_model", "1.0", "test model", {}};
  info.params = {{"cpm", "USD per 1000 impressions", Distribution::log_normal(10.8, 0.3), 1.08, 1080, ""},
                 {"flat_fee", "USD", Distribution::uniform(108, 216), 0, 1e6, ""},
                 {"ctr", "fraction", Distribution::fixed(0.01), 0, 1, ""}};
  return info;
}

ResolvedScenario resolved(const std::string& budget, const std::string& params = "") {
  PluginRegistry registry;
  registry.add(
      testing::make_platform(usd_plugin_info(), [](const SimulationBlock&, const OutputBuffers&) {}));
  const auto loaded =
      parse_scenario(budget + "\nhorizon { periods: 2 }\nchannels { name: \"c\" plugin: \"usd_model\" " +
                         "organic { cost_per_post: 10 } " + params + " }\nobjective { kpi: CLICKS }\n",
                     false, "s.textproto");
  validate_scenario(loaded, registry);
  return resolve_scenario(loaded, registry);
}

TEST(Currency, AMoneyUnitNamesItsCurrency) {
  EXPECT_EQ(currency_of_unit("USD per 1000 impressions"), "USD");
  EXPECT_EQ(currency_of_unit("EUR"), "EUR");
  EXPECT_EQ(currency_of_unit("money per 1000 impressions"), "");
  EXPECT_EQ(currency_of_unit("USDT per click"), "");
  EXPECT_EQ(currency_of_unit("people"), "");
}

TEST(Currency, MoneyDefaultsAreScaledByTheScenariosRate) {
  const auto s = resolved(
      R"(budget { total: 1000 currency: "EUR" exchange_rates { currency: "USD" per_budget_unit: 1.08 } })");
  const auto& p = s.channels[0].parameters;
  EXPECT_EQ(p[0].distribution.kind, DistributionKind::kLogNormal);
  EXPECT_DOUBLE_EQ(p[0].distribution.a, 10.0);  // 10.8 USD at 1.08 USD per EUR
  EXPECT_DOUBLE_EQ(p[0].distribution.b, 0.3);   // a log-normal's spread does not change with the unit
  EXPECT_DOUBLE_EQ(p[0].spec.min, 1.0);
  EXPECT_DOUBLE_EQ(p[0].spec.max, 1000.0);
  EXPECT_EQ(p[0].spec.unit, "EUR per 1000 impressions");
  EXPECT_DOUBLE_EQ(p[1].distribution.a, 100.0);
  EXPECT_DOUBLE_EQ(p[1].distribution.b, 200.0);
  EXPECT_DOUBLE_EQ(p[2].distribution.a, 0.01);  // not money: untouched
  EXPECT_TRUE(currency_warnings(s).empty());
}

TEST(Currency, WithoutARateTheDefaultsAreUsedAsTheyAreWithAWarningNamingThem) {
  const auto s = resolved(R"(budget { total: 1000 currency: "EUR" })");
  EXPECT_DOUBLE_EQ(s.channels[0].parameters[0].distribution.a, 10.8);
  const auto warnings = currency_warnings(s);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("plugin defaults in USD are used as EUR without conversion (c.cpm, c.flat_fee)"),
            std::string::npos)
      << warnings[0];
  EXPECT_NE(warnings[0].find("exchange_rates { currency: \"USD\""), std::string::npos) << warnings[0];
}

TEST(Currency, TheSameCurrencyOrAScenarioValueIsNeverConverted) {
  EXPECT_TRUE(currency_warnings(resolved(R"(budget { total: 1000 currency: "USD" })")).empty());
  const auto s = resolved(
      R"(budget { total: 1000 currency: "EUR" exchange_rates { currency: "USD" per_budget_unit: 2 } })",
      "params { name: \"cpm\" fixed: 7 }");
  EXPECT_DOUBLE_EQ(s.channels[0].parameters[0].distribution.a, 7.0);
  EXPECT_DOUBLE_EQ(s.channels[0].parameters[1].distribution.a, 54.0);
  // A value the scenario sets is in its currency: only the unconverted default is named.
  const auto warnings = currency_warnings(
      resolved(R"(budget { total: 1000 currency: "EUR" })", "params { name: \"cpm\" fixed: 7 }"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("(c.flat_fee)"), std::string::npos) << warnings[0];
}

TEST(Currency, TheBundledNetworksQuoteTheirBenchmarksInUsDollars) {
  auto validate = [](const std::string& budget) {
    const auto file = testing::write_file(
        testing::temp_dir(), "eur.textproto",
        budget +
            "\nhorizon { periods: 4 }\nchannels { name: \"facebook\" plugin: \"meta\" organic { "
            "cost_per_post: 100 } }\nobjective { kpi: CONVERSIONS }\ntrials: 50\n");
    return run_splitsim({"validate", file.string()});
  };
  const auto unconverted = validate(R"(budget { total: 6000 currency: "EUR" })");
  EXPECT_EQ(unconverted.exit_code, 0) << unconverted.err;
  EXPECT_NE(unconverted.out.find("plugin defaults in USD are used as EUR without conversion (facebook.cpm)"),
            std::string::npos)
      << unconverted.out;
  const auto converted = validate(
      R"(budget { total: 6000 currency: "EUR" exchange_rates { currency: "USD" per_budget_unit: 1.16 } })");
  EXPECT_EQ(converted.exit_code, 0) << converted.err;
  EXPECT_EQ(converted.out.find("without conversion"), std::string::npos) << converted.out;
  // A US-dollar budget uses them as they are, without a word.
  EXPECT_EQ(validate("budget { total: 6000 }").out.find("warning"), std::string::npos);
}

TEST(Currency, BadRatesAreRefusedNamingTheField) {
  for (
      const auto& [rates, words] : std::vector<std::pair<std::string, std::string>>{
          {R"(exchange_rates { currency: "USD" per_budget_unit: 0 })", "exchange_rates[0].per_budget_unit"},
          {R"(exchange_rates { currency: "EUR" per_budget_unit: 1 })", "is the budget's own currency"},
          {R"(exchange_rates { currency: "usd" per_budget_unit: 1 })", "3-letter ISO 4217 code"},
          {R"(exchange_rates { currency: "USD" per_budget_unit: 1 } exchange_rates { currency: "USD" per_budget_unit: 2 })",
           "exchange_rates[1].currency"},
      }) {
    SCOPED_TRACE(rates);
    try {
      resolved(R"(budget { total: 1000 currency: "EUR" )" + rates + " }");
      ADD_FAILURE() << "accepted";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace splitsim
