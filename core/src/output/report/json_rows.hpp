// A chart's data as JSON rows of named fields, and the JSON pieces a Vega spec is filled with.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace splitsim {

class JsonRows {
 public:
  JsonRows& row();                                       // starts a row; the fields below go into it
  JsonRows& field(std::string_view name, double value);  // a value that is not finite is written null
  JsonRows& field(std::string_view name, std::string_view value);
  bool empty() const { return rows_.empty(); }
  std::string json() const;

 private:
  using Value = std::variant<double, std::string>;
  std::vector<std::vector<std::pair<std::string, Value>>> rows_;
};

// A number as JSON: null when it is not finite.
std::string json_number(double value);

// A string as a JSON string literal, quotes included.
std::string json_string(std::string_view text);

// `spec` with each placeholder (e.g. "@ROWS@", quotes included) replaced by its JSON.
std::string fill_spec(std::string spec,
                      std::initializer_list<std::pair<std::string_view, std::string>> values);

// JSON that is safe inside an HTML <script> element: every '<' (which JSON allows only within strings)
// written as \u003c, so that no "</script>" in a name can end the element.
std::string script_safe(std::string json);

}  // namespace splitsim
