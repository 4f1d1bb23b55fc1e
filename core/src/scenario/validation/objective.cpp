// Checks the objective: the KPI and target, the value ROAS needs, and the options of special statistics.
#include <cmath>

#include "base/kpi.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim::validation {

void check_objective(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const auto& objective = s.objective();
  const auto path = root.child("objective");
  if (objective.kpi() == v1::KPI_UNSPECIFIED) {
    problems.add(path.child("kpi"), "missing: name the KPI to optimise, e.g. kpi: CONVERSIONS");
  }
  if (objective.has_target() && !std::isfinite(objective.target())) {
    problems.add(path.child("target"), "must be a finite number");
  }
  if (objective.statistic() == v1::PROB_TARGET && !objective.has_target()) {
    problems.add(path.child("statistic"), "PROB_TARGET needs a target: set objective { target: ... }");
  }
}

void check_conversion_value(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  if (!(std::isfinite(s.value_per_conversion()) && s.value_per_conversion() >= 0.0)) {
    problems.add(root.child("value_per_conversion"),
                 "must be an amount >= 0 (got " + num(s.value_per_conversion()) + ")");
  } else {
    check_money_limit(s.value_per_conversion(), root.child("value_per_conversion"), problems);
  }
  // ROAS is revenue over cost: without a value per conversion it is 0 for every plan.
  if (s.objective().kpi() == v1::ROAS && !(s.value_per_conversion() > 0.0)) {
    problems.add(root.child("objective").child("kpi"),
                 "ROAS needs value_per_conversion (money one conversion is worth)");
  }
}

void check_objective_options(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const auto& o = s.objective();
  const auto path = root.child("objective");
  if (o.has_risk_aversion() && !finite_at_least(o.risk_aversion(), 0.0)) {
    problems.add(path.child("risk_aversion"), "must be >= 0 (got " + num(o.risk_aversion()) + ")");
  }
  if (o.has_min_probability() && !(o.min_probability() > 0.0 && o.min_probability() < 1.0)) {
    problems.add(path.child("min_probability"), "must be in (0, 1) (got " + num(o.min_probability()) + ")");
  }
  if (o.statistic() == v1::QUANTILE) {
    problems.add(path.child("statistic"),
                 "QUANTILE is for constraints; the objective takes P5, P10, P50, P90 or P95");
  }
  if (o.statistic() != v1::MIN_COST_FOR_TARGET) return;
  // The least spend that reaches a target: it needs the target, room to spend less, and a KPI to reach.
  if (!o.has_target()) problems.add(path.child("target"), "MIN_COST_FOR_TARGET needs the target to reach");
  if (!s.budget().up_to()) {
    problems.add(path.child("statistic"),
                 "MIN_COST_FOR_TARGET searches how much of the budget to spend: set budget { up_to: true }");
  }
  if (lower_is_better(o.kpi())) {
    problems.add(path.child("kpi"),
                 "MIN_COST_FOR_TARGET needs a KPI to reach, not a cost such as " + v1::Kpi_Name(o.kpi()));
  }
}

}  // namespace splitsim::validation
