// Checks that free text and names are valid UTF-8 and hold no control characters.
#include <algorithm>
#include <cstddef>
#include <string>

#include "base/errors.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// Strings end up in tables, CSV and JSON: they must be valid UTF-8 (text format does not check it). Overlong
// forms, surrogates and code points beyond U+10FFFF are not.
bool valid_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    // A lead byte must be valid and followed by its continuation bytes, all present.
    if (extra < 0 || text.size() - i <= static_cast<std::size_t>(extra)) return false;
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) >> 6) != 0x2) return false;
    }
    if (extra > 0) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      if (c == 0xC0 || c == 0xC1 || c > 0xF4 || (c == 0xE0 && second < 0xA0) ||
          (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90) || (c == 0xF4 && second > 0x8F)) {
        return false;
      }
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

// Names are printed in tables and terminals, which act on control characters instead of showing them; free
// text (`multi_line`) may also hold line breaks and tabs.
void check_text(const std::string& text, const FieldPath& path, Problems& problems, bool multi_line = false) {
  if (!valid_utf8(text)) {
    problems.add(path, "is not valid UTF-8 text");
    return;
  }
  std::string printable = text;
  if (multi_line) {
    std::replace_if(
        printable.begin(), printable.end(), [](char c) { return c == '\n' || c == '\t' || c == '\r'; }, ' ');
  }
  if (const auto escaped = escape_unprintable(printable); escaped != printable) {
    problems.add(path, "holds a control character, shown escaped here: \"" + escape_unprintable(text) +
                           "\": it is printed in tables and terminals, which would act on it; remove it");
  }
}

}  // namespace

void check_text_fields(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  check_text(s.name(), root.child("name"), problems);
  check_text(s.description(), root.child("description"), problems, true);
  for (int i = 0; i < s.channels_size(); ++i) {
    const auto& channel = s.channels(i);
    const auto path = root.child("channels", i);
    check_text(channel.name(), path.child("name"), problems);
    check_text(channel.plugin(), path.child("plugin"), problems);
    for (int p = 0; p < channel.params_size(); ++p) {
      check_text(channel.params(p).name(), path.child("params", p).child("name"), problems);
    }
  }
  if (s.has_team()) {
    check_text(s.team().preset(), root.child("team").child("preset"), problems);
    for (int i = 0; i < s.team().members_size(); ++i) {
      check_text(s.team().members(i).role(), root.child("team").child("members", i).child("role"), problems);
    }
  }
  for (int i = 0; i < s.overlaps_size(); ++i) {
    check_text(s.overlaps(i).a(), root.child("overlaps", i).child("a"), problems);
    check_text(s.overlaps(i).b(), root.child("overlaps", i).child("b"), problems);
  }
}

}  // namespace splitsim::validation
