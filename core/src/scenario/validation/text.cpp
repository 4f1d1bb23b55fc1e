// Checks that free text and names are valid UTF-8.
#include <cstddef>
#include <string>

#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// Strings end up in tables, CSV and JSON: they must be valid UTF-8 (text format does not check it).
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
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

void check_text(const std::string& text, const FieldPath& path, Problems& problems) {
  if (!valid_utf8(text)) problems.add(path, "is not valid UTF-8 text");
}

}  // namespace

void check_text_fields(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  check_text(s.name(), root.child("name"), problems);
  check_text(s.description(), root.child("description"), problems);
  for (int i = 0; i < s.channels_size(); ++i) {
    const auto& channel = s.channels(i);
    const auto path = root.child("channels", i);
    check_text(channel.name(), path.child("name"), problems);
    check_text(channel.plugin(), path.child("plugin"), problems);
    for (int p = 0; p < channel.params_size(); ++p) {
      check_text(channel.params(p).name(), path.child("params", p).child("name"), problems);
    }
  }
}

}  // namespace splitsim::validation
