// CSV fields as spreadsheets read them (RFC 4180 quoting).
#pragma once

#include <string>

namespace splitsim {

// The text as one CSV field: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
inline std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace splitsim
