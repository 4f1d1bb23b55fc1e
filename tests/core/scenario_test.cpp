// Scenario files: the examples are valid; each kind of mistake is reported with file, line and field.
#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

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

TEST(Scenario, NegativeBudgetInJsonNamesTheLineAndField) {
  expect_problem(R"({"budget": {"total": -1}, "horizon": {"periods": 2},
    "channels": [{"name": "a", "plugin": "meta", "organic": {"costPerPost": 10}}],
    "objective": {"kpi": "REACH"}})",
                 1, "budget.total", "positive", true);
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
                 "channels[0].params[0].name",
                 "has no parameter 'audiense'; did you mean 'audience'?; its parameters: ");
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

// --- Long lines: a parse error far along a line is located without work that grows faster than the line.

TEST(Scenario, AParseErrorAtTheEndOfAVeryLongLineNamesItsLine) {
  for (std::size_t length : {std::size_t{40'000}, std::size_t{1'000'000}}) {
    SCOPED_TRACE(length);
    const auto text = replace(valid_text(), "name: \"t\"", "name: \"" + std::string(length, 'a') + "\" }");
    expect_problem(text, 1, "name", "Expected");
  }
}

// --- Numbers that overflow what the model computes from them are refused, naming the field.

TEST(Scenario, CustomPacingWeightsMustAddUpToAFiniteTotal) {
  const auto text =
      replace(valid_text(), "horizon { periods: 4 }",
              "horizon { periods: 4\n  pacing { shape: CUSTOM weights: [1e308, 1e308, 1, 1] } }");
  expect_problem(text, 4, "horizon.pacing.weights", "finite");
}

TEST(Scenario, DistributionsSoWideTheirDrawsOverflowAreRefused) {
  expect_problem(replace(valid_text(), "fixed: 100000", "log_normal { median: 1000 sigma: 1e308 }"), 9,
                 "channels[0].params[0].log_normal.sigma", "at most 10");
  expect_problem(replace(valid_text(), "fixed: 100000", "log_normal { median: 1000 sigma: 10.5 }"), 9,
                 "channels[0].params[0].log_normal.sigma", "at most 10");
  EXPECT_TRUE(
      problems_of(replace(valid_text(), "fixed: 100000", "log_normal { median: 1000 sigma: 10 }")).empty());
  expect_problem(replace(valid_text(), "fixed: 100000", "normal { mean: 1000 sd: 1e308 }"), 9,
                 "channels[0].params[0].normal.sd", "overflow");
}

TEST(Scenario, AmountsAboveTheMoneyLimitAreRefused) {
  expect_problem(replace(valid_text(), "total: 1000", "total: 1e308"), 2, "budget.total", "at most 1e15");
  expect_problem(replace(valid_text(), "total: 1000", "total: 2e15"), 2, "budget.total", "at most 1e15");
  expect_problem(
      replace(valid_text(), "cost_per_post: 100 }\n  paid_share", "cost_per_post: 1e300 }\n  paid_share"), 7,
      "channels[0].organic.cost_per_post", "at most 1e15");
  expect_problem(replace(valid_text(), "trials: 10", "trials: 10\nvalue_per_conversion: 1e308"), 18,
                 "value_per_conversion", "at most 1e15");
  expect_problem(replace(valid_text(), "paid_share { min: 0 max: 1 }", "paid_amount { max: 1e308 }"), 8,
                 "channels[0].paid_amount.max", "at most 1e15");
  expect_problem(replace(valid_text(), "paid_share { min: 0 max: 1 }", "current_paid: 1e308 max_change: 0.2"),
                 8, "channels[0].current_paid", "at most 1e15");
}

TEST(Scenario, ACostPerPostSoSmallThatPostsOverflowIsRefused) {
  expect_problem(
      replace(valid_text(), "cost_per_post: 100 }\n  paid_share", "cost_per_post: 1e-300 }\n  paid_share"), 7,
      "channels[0].organic.cost_per_post", "at least");
}

std::string valid_team_text() {
  return R"(budget { total: 10000 }
horizon { periods: 4 }
channels { name: "fb" plugin: "meta" organic { format: VIDEO } }
team {
  members { role: "a" fte: 1 hourly_cost: 30 }
  hours { video_post: 6 community_per_1000_engagements: 2 }
}
objective { kpi: REACH }
trials: 10
)";
}

TEST(Scenario, TeamFiguresWhoseProductsOverflowAreRefused) {
  ASSERT_TRUE(problems_of(valid_team_text()).empty());
  expect_problem(replace(valid_team_text(), "fte: 1 ", "fte: 1e308 "), 5, "team.members[0].fte", "at most");
  expect_problem(replace(valid_team_text(), "hourly_cost: 30", "hourly_cost: 1e308"), 5,
                 "team.members[0].hourly_cost", "at most 1e15");
  expect_problem(replace(valid_team_text(), "hourly_cost: 30", "hourly_cost: 1e-300"), 5,
                 "team.members[0].hourly_cost", "at least");
  expect_problem(replace(valid_team_text(), "video_post: 6", "video_post: 1e-300"), 6,
                 "team.hours.video_post", "at least");
  expect_problem(replace(valid_team_text(), "engagements: 2", "engagements: 1e300"), 6,
                 "team.hours.community_per_1000_engagements", "at most");
}

// --- JSON: its structure is checked before protobuf's parser, and every problem names its line.

// A JSON scenario with the given value of "channels", which starts on line 4.
std::string json_with_channels(const std::string& channels) {
  return "{\n  \"budget\": {\"total\": 1000},\n  \"horizon\": {\"periods\": 2},\n  \"channels\": " +
         channels + ",\n  \"objective\": {\"kpi\": \"REACH\"},\n  \"trials\": 10\n}\n";
}
const std::string kJsonChannel = R"({"name": "a", "plugin": "meta", "organic": {"costPerPost": 10}})";

// Lines: 2 budget, 3 horizon, 4 channels, 5 the channel, 7 objective, 8 trials.
std::string valid_json() { return json_with_channels("[\n    " + kJsonChannel + "\n  ]"); }

TEST(Scenario, ValidJsonIsValid) { EXPECT_TRUE(problems_of(valid_json(), true).empty()); }

TEST(Scenario, JsonDuplicateKeysAreRefusedWithTheirLine) {
  expect_problem(replace(valid_json(), R"("total": 1000})", "\"total\": 1000,\n  \"total\": 5}"), 3,
                 "budget.total", "given twice", true);
  expect_problem(
      replace(valid_json(), R"("periods": 2})", R"("periods": 2, "period_days": 7, "periodDays": 3})"), 3,
      "horizon.period_days", "given twice", true);
  expect_problem(replace(valid_json(), R"("kpi": "REACH"})", R"("kpi": "REACH"},
  "objective": {"kpi": "CLICKS"})"),
                 8, "objective", "given twice", true);
}

TEST(Scenario, JsonTwoValuesOfOneParameterAreRefused) {
  expect_problem(replace(valid_json(), R"("organic": {"costPerPost": 10})",
                         R"("organic": {"costPerPost": 10},
      "params": [{"name": "audience", "fixed": 5, "uniform": {"min": 1, "max": 2}}])"),
                 6, "channels[0].params[0].uniform", "fixed", true);
}

TEST(Scenario, JsonWrongShapesAreRefusedWithTheirLine) {
  expect_problem(replace(valid_json(), R"({"total": 1000})", "[1000]"), 2, "budget", "object", true);
  expect_problem(json_with_channels("[\n    [" + kJsonChannel + "]\n  ]"), 5, "channels[0]",
                 "list inside a list", true);
  expect_problem(json_with_channels(kJsonChannel), 4, "channels", "list", true);
  expect_problem(json_with_channels("[\n    " + kJsonChannel + ",\n    null\n  ]"), 6, "channels[1]", "null",
                 true);
  expect_problem(replace(valid_json(), R"("periods": 2})",
                         R"("periods": 2, "pacing": {"shape": "CUSTOM", "weights": [[1, 2]]}})"),
                 3, "horizon.pacing.weights[0]", "list inside a list", true);
  expect_problem("[1, 2, 3]", 1, "", "object", true);
}

TEST(Scenario, JsonUnknownFieldsAndBadValuesNameTheirLine) {
  expect_problem(replace(valid_json(), "\"trials\": 10", "\"trials\": 10,\n  \"budjet\": 3"), 9, "", "budjet",
                 true);
  expect_problem(replace(valid_json(), R"("periods": 2)", R"("periods": "two")"), 3, "horizon.periods", "two",
                 true);
  expect_problem(replace(valid_json(), R"("plugin": "meta")", R"("plugin": "myspace")"), 5,
                 "channels[0].plugin", "unknown plugin", true);
}

TEST(Scenario, JsonSyntaxErrorsNameTheLine) {
  expect_problem(replace(valid_json(), R"("periods": 2)", R"("periods" 2)"), 3, "", "colon", true);
}

TEST(Scenario, DeeplyNestedJsonIsRefusedWithoutRecursion) {
  const std::string deep = "{\"budget\": " + std::string(200'000, '[') + std::string(200'000, ']') + "}";
  expect_problem(deep, 1, "budget", "object", true);
}

// --- Byte order marks.

TEST(Scenario, AUtf8ByteOrderMarkIsAccepted) {
  EXPECT_TRUE(problems_of("\xEF\xBB\xBF" + valid_text()).empty());
  EXPECT_TRUE(problems_of("\xEF\xBB\xBF" + valid_json(), true).empty());
}

TEST(Scenario, AUtf16FileIsNamedAsSuch) {
  expect_problem(std::string("\xFF\xFE{\0\"\0", 6), 0, "", "UTF-16", true);
  expect_problem(std::string("\xFE\xFF\0n\0a", 6), 0, "", "UTF-16");
}

// --- Control characters never reach the terminal raw.

TEST(Scenario, ControlCharactersInNamesAreRefusedAndShownEscaped) {
  const auto problems = problems_of(replace(valid_text(), "name: \"fb\"", "name: \"fb\\x1b[31m\""));
  expect_problem(replace(valid_text(), "name: \"fb\"", "name: \"fb\\x1b[31m\""), 5, "channels[0].name",
                 "control character");
  for (const auto& p : problems) {
    EXPECT_EQ(p.to_string().find('\x1b'), std::string::npos) << p.to_string();
  }
  expect_problem(replace(valid_text(), "name: \"t\"", "name: \"t\\x07\\x7f\""), 1, "name", "\\x07");
}

TEST(Scenario, MessagesEscapeTheUserTextTheyQuote) {
  const InputProblem problem{"a\x1b[2J.textproto", 3, "channels[0].name",
                             "unknown plugin 'x\x1b]0;t\x07\xc2\x9b'"};
  EXPECT_EQ(problem.to_string(),
            "a\\x1b[2J.textproto:3: channels[0].name: unknown plugin 'x\\x1b]0;t\\x07\\u009b'");
  const InputProblem plain{"s.textproto", 1, "name", "caf\xc3\xa9 is fine\ttoo"};
  EXPECT_EQ(plain.to_string(), "s.textproto:1: name: caf\xc3\xa9 is fine\\ttoo");
}

// --- Reading the file: bounded, and the operating system's reason when it cannot be read.

std::string load_error(const fs::path& path) {
  try {
    load_scenario(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(Scenario, ASymlinkLoopOrAFolderSaysSo) {
  const auto dir = testing::temp_dir();
  fs::create_symlink(dir / "b.textproto", dir / "a.textproto");
  fs::create_symlink(dir / "a.textproto", dir / "b.textproto");
  EXPECT_NE(load_error(dir / "a.textproto").find(std::error_code(ELOOP, std::generic_category()).message()),
            std::string::npos)
      << load_error(dir / "a.textproto");
  fs::create_directory(dir / "folder.textproto");
  EXPECT_NE(load_error(dir / "folder.textproto").find("a folder"), std::string::npos)
      << load_error(dir / "folder.textproto");
}

TEST(Scenario, TheReadIsBoundedNotTheSizeReportedBeforeIt) {
  // /proc files report a size of 0 and yet have content: only a bounded read sees how much there is.
  ASSERT_TRUE(fs::exists("/proc/self/status"));
  EXPECT_THROW(read_scenario_file("/proc/self/status", 16), InputError);
  EXPECT_FALSE(read_scenario_file("/proc/self/status", 1u << 20).empty());
}

}  // namespace
}  // namespace splitsim
