// Checks the audience: the population, and the overlaps between channels' audiences.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "base/did_you_mean.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// Unnamed channels are reported by the channel section; they cannot be named in an overlap.
std::set<std::string> channel_names(const v1::Scenario& s) {
  std::set<std::string> names;
  for (const auto& channel : s.channels()) {
    if (!channel.name().empty()) names.insert(channel.name());
  }
  return names;
}

// Each pair names two different channels, once, with an overlap in [0, 1].
void check_overlaps(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const auto names = channel_names(s);
  std::set<std::pair<std::string, std::string>> pairs;
  for (int i = 0; i < s.overlaps_size(); ++i) {
    const auto& o = s.overlaps(i);
    const auto path = root.child("overlaps", i);
    for (const auto& [field, name] : {std::pair{"a", o.a()}, std::pair{"b", o.b()}}) {
      if (!names.count(name)) {
        problems.add(path.child(field), "'" + name + "' is not a channel of this scenario" +
                                            did_you_mean(name, {names.begin(), names.end()}));
      }
    }
    if (o.a() == o.b()) problems.add(path.child("b"), "a channel cannot overlap with itself");
    if (!pairs.insert(std::minmax(o.a(), o.b())).second) {
      problems.add(path, "the pair " + o.a() + " / " + o.b() + " is given twice");
    }
    if (!(o.overlap() >= 0.0 && o.overlap() <= 1.0)) {
      problems.add(path.child("overlap"),
                   "must be in [0, 1]: 0 independent, 1 nested (got " + num(o.overlap()) + ")");
    }
  }
}

}  // namespace

void check_audience(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  if (s.has_population() && !(std::isfinite(s.population()) && s.population() >= 1.0)) {
    problems.add(root.child("population"), "must be at least 1 person (got " + num(s.population()) + ")");
  }
  check_overlaps(s, root, problems);
}

}  // namespace splitsim::validation
