// Text placed in an HTML page: the report and the batch index quote scenario names, channel names and
// explanations that the user wrote.
#pragma once

#include <string>
#include <string_view>

namespace splitsim {

// `text` with &, <, > and " replaced by their entities: safe in element content and in quoted attributes.
std::string html_escape(std::string_view text);

}  // namespace splitsim
