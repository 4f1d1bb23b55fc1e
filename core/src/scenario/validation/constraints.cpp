// Checks the KPI constraints: each names a KPI and gives finite limits that some plan could meet, on a
// statistic a limit can hold (or as a chance constraint with a probability).
#include <cmath>

#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// The statistics a constraint can limit: a figure of the KPI's distribution. PROB_TARGET is written as
// `probability`, and the objective's own options (risk aversion, a cost to minimise) mean nothing here.
bool limitable(v1::Statistic statistic) {
  switch (statistic) {
    case v1::STATISTIC_UNSPECIFIED:
    case v1::MEAN:
    case v1::P5:
    case v1::P10:
    case v1::P50:
    case v1::P90:
    case v1::P95:
    case v1::QUANTILE:
      return true;
    default:
      return false;
  }
}

}  // namespace

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
    if (!limitable(c.statistic())) {
      problems.add(path.child("statistic"),
                   v1::Statistic_Name(c.statistic()) +
                       " cannot be limited: use MEAN, P5, P10, P50, P90, P95 or QUANTILE, or `probability` "
                       "for a chance constraint");
    }
    if (c.has_probability()) {
      if (!(c.probability() > 0.0 && c.probability() < 1.0)) {
        problems.add(path.child("probability"), "must be in (0, 1) (got " + num(c.probability()) + ")");
      }
      if (c.has_at_most() && c.has_at_least()) {
        problems.add(path,
                     "a chance constraint takes one limit: at_least (P(KPI >= at_least) >= p) or "
                     "at_most (P(KPI <= at_most) >= p)");
      }
      if (c.statistic() != v1::STATISTIC_UNSPECIFIED) {
        problems.add(path.child("statistic"),
                     "a chance constraint limits the share of trials within the limit: give `probability` or "
                     "a statistic, not both");
      }
    }
    if (c.statistic() == v1::QUANTILE && !c.has_quantile()) {
      problems.add(path.child("quantile"), "QUANTILE needs the quantile q, in (0, 1), e.g. quantile: 0.8");
    }
    if (c.has_quantile()) {
      if (c.statistic() != v1::QUANTILE) {
        problems.add(path.child("quantile"), "only with statistic: QUANTILE");
      } else if (!(c.quantile() > 0.0 && c.quantile() < 1.0)) {
        problems.add(path.child("quantile"), "must be in (0, 1) (got " + num(c.quantile()) + ")");
      }
    }
  }
}

}  // namespace splitsim::validation
