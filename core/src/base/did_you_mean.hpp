// Suggests the known name closest to a misspelt one ("cmp" -> "cpm"), for messages that refuse a name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace splitsim {

// Edits (insertions, deletions, substitutions, swaps of two neighbours) turning `a` into `b`, ignoring case:
// the optimal string alignment form of the Damerau-Levenshtein distance.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known name closest to `name`, or "" when none is close enough to be a plausible typo: at most one
// edit for names of up to four characters, two up to eight, three beyond (a wild guess misleads more than
// no guess). Ties go to the first in `known`.
std::string closest_name(std::string_view name, const std::vector<std::string>& known);

// "; did you mean 'cpm'?" (quoted with `quote`), or "" when nothing is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& known,
                         std::string_view quote = "'");

}  // namespace splitsim
