// Checks the KPI constraints: each names a KPI and gives finite limits that some plan could meet.
#include <cmath>

#include "scenario/validation/sections.hpp"

namespace splitsim::validation {

void check_constraints(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  for (int i = 0; i < s.constraints_size(); ++i) {
    const auto& c = s.constraints(i);
    const auto path = root.child("constraints", i);
    if (c.kpi() == v1::KPI_UNSPECIFIED) problems.add(path.child("kpi"), "missing: name the KPI to limit");
    if (!c.has_at_most() && !c.has_at_least()) problems.add(path, "give at_most, at_least or both");
    if (c.has_at_most() && !std::isfinite(c.at_most())) {
      problems.add(path.child("at_most"), "must be a finite number");
    }
    if (c.has_at_least() && !std::isfinite(c.at_least())) {
      problems.add(path.child("at_least"), "must be a finite number");
    }
    if (c.has_at_most() && c.has_at_least() && c.at_least() > c.at_most()) {
      problems.add(path, "at_least (" + num(c.at_least()) + ") is above at_most (" + num(c.at_most()) +
                             "): no plan can meet it");
    }
  }
}

}  // namespace splitsim::validation
