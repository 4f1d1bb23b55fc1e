#include "scenario/scenario_loader.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "base/errors.hpp"

namespace splitsim {
namespace {

// Collects the text parser's errors with their lines instead of letting libprotobuf log them.
class CollectingErrors : public google::protobuf::io::ErrorCollector {
 public:
  CollectingErrors(std::string file, const std::string& content) : file_(std::move(file)) {
    std::istringstream lines(content);
    for (std::string line; std::getline(lines, line);) lines_.push_back(line);
  }
  void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string& message) override {
    problems_.push_back({file_, line + 1, field_before(line, column),
                         message + " (column " + std::to_string(column + 1) + ")"});
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber, const std::string&) override {}
  std::vector<InputProblem>& problems() { return problems_; }

 private:
  // The parser names the bad token, not the field: when that token is a field's value, name the field.
  std::string field_before(int line, int column) const {
    if (line < 0 || static_cast<std::size_t>(line) >= lines_.size()) return "";
    const std::string prefix =
        lines_[static_cast<std::size_t>(line)].substr(0, static_cast<std::size_t>(std::max(column, 0)));
    static const std::regex kFieldThenColon(R"(([A-Za-z_][A-Za-z0-9_]*)\s*:\s*\S*\s*$)");
    std::smatch match;
    return std::regex_search(prefix, match, kFieldThenColon) ? match[1].str() : "";
  }

  std::vector<std::string> lines_;
  std::string file_;
  std::vector<InputProblem> problems_;
};

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InputError(path.string(),
                     std::filesystem::exists(path, ec) ? "not a regular file" : "no such file");
  }
  // A scenario is a few kilobytes; a huge file is a mistake (wrong file, generated junk), not a plan.
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxScenarioBytes) {
    throw InputError(path.string(), "the file is " + std::to_string(size / (1024 * 1024)) +
                                        " MiB; scenarios are limited to " +
                                        std::to_string(kMaxScenarioBytes / (1024 * 1024)) + " MiB");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in && !in.eof()) throw InputError(path.string(), "cannot read the file");
  return content.str();
}

}  // namespace

void apply_defaults(v1::Scenario& scenario) {
  auto* budget = scenario.mutable_budget();
  if (budget->currency().empty()) budget->set_currency("USD");
  auto* horizon = scenario.mutable_horizon();
  if (horizon->period_days() == 0.0) horizon->set_period_days(7.0);
  if (scenario.trials() == 0) scenario.set_trials(1000);
  auto* search = scenario.mutable_search();
  if (search->has_optimize()) {
    auto* optimize = search->mutable_optimize();
    if (optimize->max_evaluations() == 0) optimize->set_max_evaluations(300);
    if (optimize->finalists() == 0) optimize->set_finalists(5);
    if (optimize->frontier_size() == 0) {
      for (double multiple : {0.5, 0.75, 1.0, 1.5, 2.0}) optimize->add_frontier(multiple);
    }
  } else {
    auto* grid = search->mutable_grid();
    if (grid->organic_step() == 0.0) grid->set_organic_step(0.1);
    if (grid->channel_step() == 0.0) grid->set_channel_step(0.25);
  }
  auto* objective = scenario.mutable_objective();
  if (objective->statistic() == v1::STATISTIC_UNSPECIFIED) objective->set_statistic(v1::MEAN);
  if (objective->statistic() == v1::MEAN_MINUS_SD && !objective->has_risk_aversion()) {
    objective->set_risk_aversion(1.0);
  }
  if (objective->statistic() == v1::MIN_COST_FOR_TARGET && !objective->has_min_probability()) {
    objective->set_min_probability(0.9);
  }
}

LoadedScenario parse_scenario(const std::string& content, bool is_json, const std::string& file) {
  LoadedScenario loaded;
  loaded.file = file;
  if (is_json) {
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const auto status = google::protobuf::util::JsonStringToMessage(content, &loaded.scenario, options);
    if (!status.ok()) {
      throw InputError(file, "invalid JSON scenario: " + std::string(status.message()));
    }
  } else {
    CollectingErrors errors(file, content);
    auto tree = std::make_unique<google::protobuf::TextFormat::ParseInfoTree>();
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&errors);
    parser.WriteLocationsTo(tree.get());
    if (!parser.ParseFromString(content, &loaded.scenario)) {
      if (errors.problems().empty())
        errors.problems().push_back({file, 0, "", "cannot parse the text format"});
      throw InputError(std::move(errors.problems()));
    }
    loaded.source = SourceMap(v1::Scenario::descriptor(), std::move(tree));
  }
  apply_defaults(loaded.scenario);
  return loaded;
}

LoadedScenario load_scenario(const std::filesystem::path& path) {
  const auto extension = path.extension().string();
  bool is_json = false;
  if (extension == ".json") {
    is_json = true;
  } else if (extension != ".textproto" && extension != ".pbtxt" && extension != ".txtpb") {
    throw InputError(path.string(),
                     "unknown scenario format '" + extension + "': use .textproto, .pbtxt, .txtpb or .json");
  }
  return parse_scenario(read_file(path), is_json, path.string());
}

}  // namespace splitsim
