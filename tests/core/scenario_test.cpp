// Scenario files: the examples are valid; each kind of mistake is reported with file, line and field.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/errors.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"
#include "search/grid.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using testing::bundled_registry;

const PluginRegistry& registry() {
  static const PluginRegistry instance = bundled_registry();
  return instance;
}

// A valid scenario; tests edit a line of it to make one mistake at a known place.
std::string valid_text() {
  return R"(name: "t"
budget { total: 1000 currency: "USD" }
horizon { periods: 4 }
channels {
  name: "fb"
  plugin: "meta"
  organic { cost_per_post: 100 }
  paid_share { min: 0 max: 1 }
  params { name: "audience" fixed: 100000 }
}
channels {
  name: "li"
  plugin: "linkedin"
  organic { cost_per_post: 100 }
}
objective { kpi: CONVERSIONS }
trials: 10
)";
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

// Parses and validates; returns the problems (empty when valid).
std::vector<InputProblem> problems_of(const std::string& content, bool json = false) {
  try {
    const auto loaded = parse_scenario(content, json, json ? "s.json" : "s.textproto");
    validate_scenario(loaded, registry());
    generate_candidates(resolve_scenario(loaded, registry()));
  } catch (const InputError& e) {
    return e.problems();
  }
  return {};
}

void expect_problem(const std::string& content, int line, const std::string& field, const std::string& words,
                    bool json = false) {
  const auto problems = problems_of(content, json);
  ASSERT_FALSE(problems.empty()) << "accepted:\n" << content;
  bool found = false;
  for (const auto& p : problems) {
    if (p.line == line && p.field == field && p.message.find(words) != std::string::npos) found = true;
  }
  std::string all;
  for (const auto& p : problems) all += p.to_string() + "\n";
  EXPECT_TRUE(found) << "expected line " << line << " field '" << field << "' with '" << words << "', got:\n"
                     << all;
  EXPECT_EQ(problems.front().file, json ? "s.json" : "s.textproto");
}

TEST(Scenario, EveryBundledExampleParsesAndValidates) {
  int examples = 0;
  for (const auto& entry : fs::directory_iterator(testing::source_dir() / "scenarios")) {
    const auto ext = entry.path().extension();
    if (ext != ".textproto" && ext != ".json" && ext != ".pbtxt") continue;
    ++examples;
    SCOPED_TRACE(entry.path().string());
    const auto loaded = load_scenario(entry.path());
    EXPECT_NO_THROW(validate_scenario(loaded, registry()));
    if (loaded.scenario.search().has_grid()) {
      EXPECT_FALSE(generate_candidates(resolve_scenario(loaded, registry())).empty());
    }
  }
  EXPECT_GE(examples, 7);
}

TEST(Scenario, ValidBaseIsValidAndGetsDefaults) {
  EXPECT_TRUE(problems_of(valid_text()).empty());
  const auto loaded = parse_scenario(valid_text(), false, "s.textproto");
  EXPECT_EQ(loaded.scenario.horizon().period_days(), 7.0);
  EXPECT_EQ(loaded.scenario.objective().statistic(), v1::MEAN);
}

TEST(Scenario, MalformedTextNamesTheLine) {
  expect_problem(replace(valid_text(), "trials: 10", "trials: 10 }"), 17, "trials", "Expected");
}

TEST(Scenario, UnknownFieldInTextNamesTheLineAndField) {
  expect_problem(replace(valid_text(), "trials: 10", "trails: 10"), 17, "", "trails");
}

TEST(Scenario, WrongTypeInTextNamesTheLine) {
  expect_problem(replace(valid_text(), "periods: 4", "periods: \"four\""), 3, "periods", "Expected integer");
}

TEST(Scenario, MalformedAndUnknownFieldsInJson) {
  EXPECT_FALSE(problems_of("{ \"budget\": { \"total\": 5 ", true).empty());
  const auto problems = problems_of(R"({"budget": {"total": 5}, "budjet": 3})", true);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("budjet"), std::string::npos) << problems[0].message;
}

TEST(Scenario, NegativeBudget) {
  expect_problem(replace(valid_text(), "total: 1000", "total: -5"), 2, "budget.total", "positive");
}

TEST(Scenario, NegativeBudgetInJsonNamesTheField) {
  expect_problem(R"({"budget": {"total": -1}, "horizon": {"periods": 2},
    "channels": [{"name": "a", "plugin": "meta", "organic": {"costPerPost": 10}}],
    "objective": {"kpi": "REACH"}})",
                 0, "budget.total", "positive", true);
}

TEST(Scenario, ShareOutOfRange) {
  expect_problem(replace(valid_text(), "paid_share { min: 0 max: 1 }", "paid_share { min: 0\n max: 1.5 }"), 9,
                 "channels[0].paid_share.max", "between 0 and 1");
}

TEST(Scenario, MinAboveMax) {
  expect_problem(replace(valid_text(), "paid_share { min: 0 max: 1 }", "paid_share { min: 0.8 max: 0.2 }"), 8,
                 "channels[0].paid_share", "greater than max");
}

TEST(Scenario, MinimumSharesAboveTheWholeBudget) {
  auto text = replace(valid_text(), "paid_share { min: 0 max: 1 }", "paid_share { min: 0.7 }");
  text = replace(text, "plugin: \"linkedin\"", "plugin: \"linkedin\"\n  paid_share { min: 0.7 }");
  expect_problem(text, 8, "channels[0].paid_share", "add up to 1.4");
}

TEST(Scenario, UnknownPluginListsTheAvailableOnes) {
  expect_problem(replace(valid_text(), "plugin: \"meta\"", "plugin: \"myspace\""), 6, "channels[0].plugin",
                 "unknown plugin 'myspace'; available: ");
}

TEST(Scenario, UnknownParameterListsTheKnownOnes) {
  expect_problem(replace(valid_text(), "name: \"audience\"", "name: \"audiense\""), 9,
                 "channels[0].params[0].name", "has no parameter 'audiense'; its parameters: ");
}

TEST(Scenario, ParameterOutsideThePluginRange) {
  expect_problem(replace(valid_text(), "fixed: 100000", "fixed: -3"), 9, "channels[0].params[0].fixed",
                 "outside the valid range");
}

TEST(Scenario, InvalidDistributionArguments) {
  expect_problem(replace(valid_text(), "fixed: 100000", "uniform { min: 5 max: 1 }"), 9,
                 "channels[0].params[0].uniform", "must be below max");
  expect_problem(replace(valid_text(), "fixed: 100000", "log_normal { median: 1000 sigma: -1 }"), 9,
                 "channels[0].params[0].log_normal.sigma", "must be > 0");
  expect_problem(replace(valid_text(), "fixed: 100000", "normal { mean: 1000 sd: 0 }"), 9,
                 "channels[0].params[0].normal.sd", "must be > 0");
  expect_problem(replace(valid_text(), "fixed: 100000", "beta { alpha: 0 beta: 2 }"), 9,
                 "channels[0].params[0].beta.alpha", "must be > 0");
  expect_problem(replace(valid_text(), "fixed: 100000", "fixed: nan"), 9, "channels[0].params[0].fixed",
                 "finite");
}

TEST(Scenario, DuplicateChannelNames) {
  expect_problem(replace(valid_text(), "name: \"li\"", "name: \"fb\""), 12, "channels[1].name", "used twice");
}

TEST(Scenario, NoChannels) {
  expect_problem("budget { total: 5 }\nhorizon { periods: 1 }\nobjective { kpi: REACH }\n", 0, "channels",
                 "at least one channel");
}

TEST(Scenario, OrganicBudgetNeedsACostPerPost) {
  expect_problem(replace(valid_text(), "organic { cost_per_post: 100 }\n  paid_share", "paid_share"), 4,
                 "channels[0].organic.cost_per_post", "required");
}

TEST(Scenario, ProbabilityObjectiveNeedsATarget) {
  expect_problem(replace(valid_text(), "objective { kpi: CONVERSIONS }",
                         "objective { kpi: CONVERSIONS statistic: PROB_TARGET }"),
                 16, "objective.statistic", "needs a target");
}

TEST(Scenario, HorizonAndTrialsLimits) {
  expect_problem(replace(valid_text(), "periods: 4", "periods: 0"), 3, "horizon.periods", "between 1 and");
  expect_problem(replace(valid_text(), "trials: 10", "trials: 100000000000"), 17, "trials", "between 1 and");
}

TEST(Scenario, GridStepMustDivideOne) {
  expect_problem(valid_text() + "search { grid { channel_step: 0.3 } }\n", 18, "search.grid.channel_step",
                 "whole steps");
}

TEST(Scenario, UnknownExtensionAndMissingFile) {
  EXPECT_THROW(load_scenario("scenario.yaml"), InputError);
  try {
    load_scenario("/nonexistent/dir/s.textproto");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/s.textproto: no such file"), std::string::npos);
  }
}

TEST(Scenario, EveryProblemIsReportedAtOnce) {
  auto text = replace(valid_text(), "total: 1000", "total: -5");
  text = replace(text, "periods: 4", "periods: 0");
  EXPECT_GE(problems_of(text).size(), 2u);
}

}  // namespace
}  // namespace splitsim
