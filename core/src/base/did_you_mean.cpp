#include "base/did_you_mean.hpp"

#include <algorithm>
#include <cctype>

namespace splitsim {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Typos grow with the name: a fixed bound would suggest "ctr" for "cvr"-like guesses on short names and
// nothing for a long name with two slips.
std::size_t allowed_edits(std::size_t length) {
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  return 3;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic programme: the swap of neighbours looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string closest_name(std::string_view name, const std::vector<std::string>& known) {
  if (name.empty()) return "";
  std::string best;
  std::size_t best_distance = allowed_edits(name.size()) + 1;
  for (const auto& candidate : known) {
    // The distance is at least the difference in length: a name far longer than any known one (a line of
    // garbage) costs nothing instead of a table of its length times the candidate's.
    const std::size_t length_gap =
        name.size() > candidate.size() ? name.size() - candidate.size() : candidate.size() - name.size();
    if (length_gap >= best_distance) continue;
    const std::size_t distance = edit_distance(name, candidate);
    // An exact match is not a suggestion: the caller refused the name for another reason.
    if (distance > 0 && distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& known,
                         std::string_view quote) {
  const auto best = closest_name(name, known);
  if (best.empty()) return "";
  return "; did you mean " + std::string(quote) + best + std::string(quote) + "?";
}

}  // namespace splitsim
