// Checks the search: the organic share range, the grid steps or the optimizer's options, and the trials.
#include <cmath>
#include <string>

#include "scenario/limits.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// Channel steps must divide 1 so that the channels' shares can add up to exactly the whole.
void check_step(double step, const FieldPath& path, bool must_divide_one, Problems& problems) {
  if (!(step >= kMinGridStep && step <= 1.0)) {
    problems.add(path, "must be between " + num(kMinGridStep) + " and 1 (got " + num(step) + ")");
    return;
  }
  const double units = 1.0 / step;
  if (must_divide_one && std::abs(units - std::round(units)) > 1e-6) {
    problems.add(path, "must divide 1 into whole steps, e.g. 0.05, 0.1, 0.2, 0.25 (got " + num(step) + ")");
  }
}

void check_optimize(const v1::OptimizeSearch& o, const FieldPath& path, Problems& problems) {
  if (o.max_evaluations() < 10 || o.max_evaluations() > 100'000) {
    problems.add(path.child("max_evaluations"),
                 "must be between 10 and 100000 (got " + std::to_string(o.max_evaluations()) + ")");
  }
  if (o.finalists() < 1 || o.finalists() > 50) {
    problems.add(path.child("finalists"),
                 "must be between 1 and 50 (got " + std::to_string(o.finalists()) + ")");
  }
  if (o.frontier_size() > 20) problems.add(path.child("frontier"), "at most 20 budget levels");
  for (int i = 0; i < o.frontier_size(); ++i) {
    if (!(o.frontier(i) > 0.0 && o.frontier(i) <= 10.0)) {
      problems.add(path.child("frontier", i),
                   "must be a multiple of the budget in (0, 10] (got " + num(o.frontier(i)) + ")");
    }
  }
}

}  // namespace

void check_search(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const auto& search = s.search();
  const auto path = root.child("search");
  check_bounds(search.organic_share(), path.child("organic_share"), problems);
  // Loading leaves exactly one strategy set, with its defaults: only the chosen one's options matter.
  if (search.has_grid()) {
    check_step(search.grid().organic_step(), path.child("grid").child("organic_step"), false, problems);
    check_step(search.grid().channel_step(), path.child("grid").child("channel_step"), true, problems);
  } else {
    check_optimize(search.optimize(), path.child("optimize"), problems);
  }
}

void check_trials(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  if (s.trials() < 1 || s.trials() > kMaxTrials) {
    problems.add(root.child("trials"), "must be between 1 and " + std::to_string(kMaxTrials) + " (got " +
                                           std::to_string(s.trials()) + ")");
  }
}

}  // namespace splitsim::validation
