// Today's plan: the channels' current paid money and posts per week, as a split the engine can simulate, so
// that every run can show today's plan beside the recommendation (as media-mix allocators do first).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"
#include "search/split_evaluator.hpp"

namespace splitsim {

struct CurrentPlan {
  CandidateSplit split;
  // The scenario's bounds today's plan breaks, in words naming the field: it is simulated as given all the
  // same, since it is what happens today.
  std::vector<std::string> outside_bounds;
};

// Today's plan when any channel gives current_paid or current_posts_per_week (a channel giving neither has
// no paid money and no posts today). Posts cost what the scenario says a post costs: cost_per_post, or the
// team's hours at its blended rate; a fixed team is paid whatever the plan and its hours fill the posts,
// shared as today's posts (with their hours) are. Nothing when no channel gives a figure, or nothing is
// spent.
std::optional<CurrentPlan> current_plan(const ResolvedScenario& scenario);

// Today's plan against the recommendation `recommended` (candidate `recommended_index`), both simulated on
// `evaluator`'s trials: side by side per channel, and the gain in the objective trial by trial.
v1::BaselineComparison compare_with_current(const SplitEvaluator& evaluator, const CurrentPlan& current,
                                            const CandidateSplit& recommended,
                                            const std::vector<double>& recommended_per_trial,
                                            std::uint32_t recommended_index);

}  // namespace splitsim
