#include "base/errors.hpp"

#include <cstddef>
#include <cstdint>
#include <utility>

namespace splitsim {
namespace {

// Bytes in the UTF-8 sequence that `lead` starts, or 0 for a byte that cannot start one.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// The code point of a complete, well-formed sequence at text[i], or -1.
std::int32_t decode(std::string_view text, std::size_t i, std::size_t length) {
  if (length == 0 || i + length > text.size()) return -1;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  std::int32_t code = length == 1 ? byte(0) : byte(0) & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return -1;
    code = (code << 6) | (byte(k) & 0x3F);
  }
  // Overlong forms, surrogates and code points beyond Unicode are not UTF-8.
  static constexpr std::int32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return -1;
  return code;
}

// Characters a terminal acts on instead of showing: C0 and C1 controls, DEL, and the bidirectional
// embeddings, overrides and isolates that reorder what follows them.
bool unprintable(std::int32_t code) {
  return code < 0x20 || (code >= 0x7F && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
         (code >= 0x2066 && code <= 0x2069);
}

std::string hex(unsigned value, int digits) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(static_cast<std::size_t>(digits), '0');
  for (int d = digits - 1; d >= 0; --d, value >>= 4) text[static_cast<std::size_t>(d)] = kDigits[value & 0xF];
  return text;
}

std::string join_problems(const std::vector<InputProblem>& problems) {
  std::string text;
  for (const auto& problem : problems) {
    if (!text.empty()) text += '\n';
    text += problem.to_string();
  }
  return text;
}

}  // namespace

std::string escape_unprintable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = sequence_length(byte);
    const std::int32_t code = decode(text, i, length);
    if (code < 0) {  // not UTF-8: the byte itself, and resynchronise on the next one
      out.append("\\x").append(hex(byte, 2));
      ++i;
      continue;
    }
    if (!unprintable(code)) {
      out.append(text.substr(i, length));
    } else if (code == '\n') {
      out.append("\\n");
    } else if (code == '\t') {
      out.append("\\t");
    } else if (code == '\r') {
      out.append("\\r");
    } else if (code < 0x80) {
      out.append("\\x").append(hex(static_cast<unsigned>(code), 2));
    } else {
      out.append("\\u").append(hex(static_cast<unsigned>(code), 4));
    }
    i += length;
  }
  return out;
}

std::string InputProblem::to_string() const {
  // Appends piecewise: GCC 12 warns falsely (-Wrestrict) on chained string concatenation here.
  std::string text = escape_unprintable(file);
  if (line > 0) text.append(":").append(std::to_string(line));
  text.append(": ");
  if (!field.empty()) text.append(escape_unprintable(field)).append(": ");
  return text.append(escape_unprintable(message));
}

InputError::InputError(std::vector<InputProblem> problems)
    : std::runtime_error(join_problems(problems)), problems_(std::move(problems)) {}

InputError::InputError(std::string file, std::string message)
    : InputError(std::vector<InputProblem>{{std::move(file), 0, "", std::move(message)}}) {}

PluginError::PluginError(std::string plugin, std::string message)
    : std::runtime_error("plugin '" + plugin + "': " + message), plugin_(std::move(plugin)) {}

}  // namespace splitsim
