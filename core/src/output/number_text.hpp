// Figures as a reader of a table or a page wants them, the same in both.
#pragma once

#include <string>

namespace splitsim {

// Whole and with thousands separators from 100 on ("12,345"); three significant digits below ("0.0123").
std::string readable_number(double value);

// A share as a whole percentage: 0.423 gives "42%".
std::string percent_text(double share);

}  // namespace splitsim
