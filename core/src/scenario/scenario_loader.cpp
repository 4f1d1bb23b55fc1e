#include "scenario/scenario_loader.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/did_you_mean.hpp"
#include "base/errors.hpp"
#include "scenario/json_structure.hpp"

namespace splitsim {
namespace {

// The quoted words of a parser's message, in order: `Unknown enumeration value of "X" for field "kpi".`
std::vector<std::string> quoted_words(std::string_view message) {
  std::vector<std::string> words;
  for (std::size_t open = message.find('"'); open != std::string_view::npos;) {
    const std::size_t close = message.find('"', open + 1);
    if (close == std::string_view::npos) break;
    words.emplace_back(message.substr(open + 1, close - open - 1));
    open = message.find('"', close + 1);
  }
  return words;
}

// Every value of the enums held by fields named `field` in the scenario's messages (a field name such as
// "kpi" is unique enough: the parser names no message type for enum errors).
std::vector<std::string> enum_values_of_field(const std::string& field) {
  std::vector<std::string> values;
  std::vector<const google::protobuf::Descriptor*> pending{v1::Scenario::descriptor()};
  std::set<const google::protobuf::Descriptor*> seen;
  while (!pending.empty()) {
    const auto* message = pending.back();
    pending.pop_back();
    if (!seen.insert(message).second) continue;
    for (int i = 0; i < message->field_count(); ++i) {
      const auto* f = message->field(i);
      if (f->message_type()) pending.push_back(f->message_type());
      if (f->enum_type() && (f->name() == field || f->json_name() == field)) {
        for (int v = 0; v < f->enum_type()->value_count(); ++v)
          values.push_back(f->enum_type()->value(v)->name());
      }
    }
  }
  return values;
}

// "; did you mean `cpm`?" for the parser's complaints about a misspelt field name or enum value, else "".
std::string parser_suggestion(std::string_view message) {
  const auto words = quoted_words(message);
  // JSON: `invalid value "CONVERSION" for type type.googleapis.com/splitsim.v1.Kpi`.
  constexpr std::string_view kJsonEnum = " for type type.googleapis.com/";
  if (const auto at = message.find(kJsonEnum); words.size() == 1 && at != std::string_view::npos) {
    const auto* type = google::protobuf::DescriptorPool::generated_pool()->FindEnumTypeByName(
        std::string(message.substr(at + kJsonEnum.size())));
    if (!type) return "";
    std::vector<std::string> values;
    for (int v = 0; v < type->value_count(); ++v) values.push_back(type->value(v)->name());
    return did_you_mean(words[0], values, "");
  }
  if (words.size() != 2) return "";
  if (message.find("has no field named") != std::string_view::npos) {
    const auto* type = google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(words[0]);
    if (!type) return "";
    std::vector<std::string> fields;
    for (int i = 0; i < type->field_count(); ++i) fields.push_back(type->field(i)->name());
    return did_you_mean(words[1], fields, "`");
  }
  if (message.find("Unknown enumeration value") != std::string_view::npos) {
    return did_you_mean(words[0], enum_values_of_field(words[1]), "");
  }
  return "";
}

// The parser's message with the suggestion after it (in place of its closing full stop), when there is one.
std::string with_suggestion(std::string_view message) {
  const auto suggestion = parser_suggestion(message);
  if (!suggestion.empty() && !message.empty() && message.back() == '.') message.remove_suffix(1);
  return std::string(message) + suggestion;
}

// Collects the text parser's errors with their lines instead of letting libprotobuf log them.
class CollectingErrors : public google::protobuf::io::ErrorCollector {
 public:
  CollectingErrors(std::string file, const std::string& content) : file_(std::move(file)), content_(content) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < content.size(); ++i) {
      if (content[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string& message) override {
    problems_.push_back({file_, line + 1, field_before(line, column),
                         with_suggestion(message) + " (column " + std::to_string(column + 1) + ")"});
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber, const std::string&) override {}
  std::vector<InputProblem>& problems() { return problems_; }

 private:
  // The parser names the bad token, not the field: when that token is a field's value ("name: value" just
  // before it), name the field. A backwards scan that passes each character a few times at most: a regex here
  // took seconds on a 20,000-character line and overflowed the stack on a 40,000-character one.
  std::string field_before(int line, int column) const {
    if (line < 0 || static_cast<std::size_t>(line) >= line_starts_.size()) return "";
    const std::size_t start = line_starts_[static_cast<std::size_t>(line)];
    const std::size_t line_end = std::min(content_.find('\n', start), content_.size());
    const std::string_view text(content_.data() + start,
                                std::min(line_end - start, static_cast<std::size_t>(std::max(column, 0))));
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
    const auto identifier = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    // The identifier whose last character is just before `colon` (spaces between allowed), or "".
    const auto name_before = [&](std::size_t colon) -> std::string {
      std::size_t end = colon;
      while (end > 0 && space(text[end - 1])) --end;
      std::size_t begin = end;
      while (begin > 0 && identifier(text[begin - 1])) --begin;
      // A field's name starts with a letter or '_'.
      while (begin < end && std::isdigit(static_cast<unsigned char>(text[begin]))) ++begin;
      return std::string(text.substr(begin, end - begin));
    };
    // Before the bad token: at most one token (the value so far), then the colon, then the field's name.
    std::size_t end = text.size();
    while (end > 0 && space(text[end - 1])) --end;
    std::size_t token = end;
    while (token > 0 && !space(text[token - 1])) --token;
    std::size_t before = token;
    while (before > 0 && space(text[before - 1])) --before;
    if (before > 0 && text[before - 1] == ':') {
      if (auto name = name_before(before - 1); !name.empty()) return name;
    }
    for (std::size_t i = token; i < end; ++i) {  // "name:value", with no space after the colon
      if (text[i] != ':') continue;
      if (auto name = name_before(i); !name.empty()) return name;
    }
    return "";
  }

  std::string file_;
  const std::string& content_;
  std::vector<std::size_t> line_starts_;
  std::vector<InputProblem> problems_;
};

// Editors on Windows start UTF-8 files with a byte order mark: it is not part of the scenario.
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A UTF-16 (or UTF-32) file is not a scenario yet; saying so beats a parser's complaint about its bytes.
void refuse_other_encodings(const std::string& content, const std::string& file) {
  const std::string_view start = std::string_view(content).substr(0, 2);
  if (start == "\xFF\xFE" || start == "\xFE\xFF") {
    throw InputError(file, "the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8");
  }
}

// Protobuf's JSON parser names the field as "(path): message": its line comes from the structure check.
InputProblem json_parser_problem(const std::string& file, std::string_view message, const SourceMap& source) {
  if (message.size() > 1 && message.front() == '(') {
    if (const auto close = message.find("): "); close != std::string_view::npos) {
      const auto path = FieldPath::parse(message.substr(1, close - 1));
      const auto text = message.substr(close + 3);
      return {file, source.line_of(path), path.to_string(), with_suggestion(text)};
    }
  }
  return {file, 0, "", "invalid JSON scenario: " + std::string(message)};
}

LoadedScenario parse_json(const std::string& content, LoadedScenario loaded) {
  auto structure = check_json_structure(content, *v1::Scenario::descriptor(), loaded.file);
  if (!structure.problems.empty()) throw InputError(std::move(structure.problems));
  loaded.source = SourceMap(std::move(structure.lines_by_path));
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(content, &loaded.scenario, options);
  if (!status.ok()) {
    const std::string message(status.message());
    throw InputError(std::vector<InputProblem>{json_parser_problem(loaded.file, message, loaded.source)});
  }
  return loaded;
}

LoadedScenario parse_text(const std::string& content, LoadedScenario loaded) {
  CollectingErrors errors(loaded.file, content);
  auto tree = std::make_unique<google::protobuf::TextFormat::ParseInfoTree>();
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(tree.get());
  if (!parser.ParseFromString(content, &loaded.scenario)) {
    if (errors.problems().empty())
      errors.problems().push_back({loaded.file, 0, "", "cannot parse the text format"});
    throw InputError(std::move(errors.problems()));
  }
  loaded.source = SourceMap(v1::Scenario::descriptor(), std::move(tree));
  return loaded;
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
  refuse_other_encodings(content, file);
  LoadedScenario loaded;
  loaded.file = file;
  const bool bom = std::string_view(content).substr(0, kUtf8Bom.size()) == kUtf8Bom;
  const std::string without_bom = bom ? content.substr(kUtf8Bom.size()) : std::string();
  const std::string& body = bom ? without_bom : content;
  loaded = is_json ? parse_json(body, std::move(loaded)) : parse_text(body, std::move(loaded));
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
  return parse_scenario(read_scenario_file(path), is_json, path.string());
}

}  // namespace splitsim
