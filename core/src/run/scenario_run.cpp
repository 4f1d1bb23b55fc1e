#include "run/scenario_run.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>

#include "base/clock.hpp"
#include "base/errors.hpp"
#include "calibration/calibration_file.hpp"
#include "calibration/channel_basis.hpp"
#include "engine/engine.hpp"
#include "output/candidate_spool.hpp"
#include "run/calibration_evidence.hpp"
#include "run/candidate_exchange.hpp"
#include "run/currency_notice.hpp"
#include "run/report_data.hpp"
#include "run/results_builder.hpp"
#include "run/run_plan.hpp"
#include "run/team_use.hpp"
#include "scenario/allocation.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_validator.hpp"
#include "search/baseline.hpp"
#include "search/comparison.hpp"
#include "search/frontier.hpp"
#include "search/marginal_returns.hpp"
#include "search/min_paid.hpp"
#include "search/optimizer.hpp"
#include "search/ranking.hpp"
#include "search/robustness.hpp"
#include "search/sensitivity.hpp"
#include "search/split_evaluator.hpp"

namespace splitsim {
namespace {

// Why the recommendation: the uncertain inputs that decide between it and its runner-up (`advantage`: the
// recommendation's per-trial edge, positive when it does better), recorded, and a line on the strongest.
std::string add_drivers(v1::Recommendation& recommendation, const Engine& comparison,
                        const std::vector<double>& advantage) {
  const auto drivers = decisive_inputs(comparison, advantage);
  for (const auto& driver : drivers) *recommendation.add_drivers() = driver;
  return explain_drivers(comparison, drivers);
}

// The recommendation against the next best candidates, trial by trial on trials of their own (the
// comparison set, which chose nothing, so the comparison is not biased towards the winner), what decides
// between it and the first of them, today's plan beside it on the same trials, and its marginal returns
// (on `evaluator`'s trials, those of the figures reported). Each split's trials are spread over `group`.
void add_comparisons_and_margins(v1::Results& results, const CandidateSource& candidates,
                                 const SplitEvaluator& evaluator, const std::vector<CandidateSplit>& splits,
                                 const ProcessGroup* group) {
  if (!results.has_recommendation()) return;
  const auto& scenario = evaluator.scenario();
  auto* recommendation = results.mutable_recommendation();
  const int best = static_cast<int>(recommendation->candidate_index());
  const auto& best_split = splits[static_cast<std::size_t>(best)];
  std::vector<int> others = ranked_positions(candidates, scenario.objective, true);
  std::erase(others, best);
  if (others.size() > 4) others.resize(4);
  const auto current = current_plan(scenario);
  std::string why;
  if (!others.empty() || current) {
    Engine engine(scenario, TrialSet::kComparison);
    if (group) engine.spread_trials_over(*group);
    const SplitEvaluator comparison(engine);
    const auto best_per_trial = comparison.objective_kpi_per_trial(best_split);
    for (const int other : others) {
      *recommendation->add_runner_ups() =
          compare_splits(comparison, best_per_trial, splits[static_cast<std::size_t>(other)],
                         static_cast<std::uint32_t>(other));
    }
    if (!others.empty()) {
      auto advantage = comparison.objective_kpi_per_trial(splits[static_cast<std::size_t>(others.front())]);
      const bool lower = scenario.objective.lower_is_better();
      for (std::size_t i = 0; i < advantage.size(); ++i) {
        advantage[i] = lower ? advantage[i] - best_per_trial[i] : best_per_trial[i] - advantage[i];
      }
      why = add_drivers(*recommendation, engine, advantage);
    }
    if (current) {
      *recommendation->mutable_baseline() = compare_with_current(
          comparison, *current, best_split, best_per_trial, static_cast<std::uint32_t>(best));
    }
  }
  double step = 0.0;
  for (auto& r : marginal_returns(evaluator, best_split)) {
    step = std::max({step, r.paid_step(), r.organic_step()});
    *recommendation->add_marginal_returns() = std::move(r);
  }
  recommendation->set_marginal_step(step);
  recommendation->set_explanation(recommendation->explanation() + explain_comparison(*recommendation) + why);
  for (auto& warning : robustness_warnings(results, candidates, scenario))
    recommendation->add_warnings(std::move(warning));
  *recommendation->mutable_report_data() = report_data(scenario, results, candidates, splits, group);
}

// Every split's candidate, kept in `spool` at its position (parallel over splits; the observer hears of each
// one done). Each is summarised as soon as it is simulated and written away: memory holds the candidates
// being simulated, not the grid.
void evaluate_into(const SplitEvaluator& evaluator, const std::vector<CandidateSplit>& splits,
                   CandidateSpool& spool, RunObserver* observer) {
  tbb::parallel_for(std::size_t{0}, splits.size(), [&](std::size_t i) {
    auto candidate = evaluator.evaluate(splits[i]);
    candidate.set_index(static_cast<std::uint32_t>(i));
    spool.store(i, candidate);
    if (observer) observer->simulated(1);
  });
}

// This process's run of the candidates (candidates_of), then every process's, in order. A failure here
// (a plugin's, say) fails every process alike instead of leaving the others waiting for its candidates.
void evaluate_shared(const SplitEvaluator& evaluator, const std::vector<CandidateSplit>& splits,
                     CandidateSpool& spool, RunObserver* observer, const ProcessGroup& group) {
  const auto range = candidates_of(group.rank(), group.size(), splits.size());
  std::vector<v1::Candidate> mine(range.last - range.first);
  std::exception_ptr failure;
  try {
    tbb::parallel_for(std::size_t{0}, mine.size(), [&](std::size_t i) {
      mine[i] = evaluator.evaluate(splits[range.first + i]);
      mine[i].set_index(static_cast<std::uint32_t>(range.first + i));
      if (observer) observer->simulated(1);
    });
  } catch (...) {
    failure = std::current_exception();
  }
  // Every process's candidates are gathered as bytes: memory grows with the grid on this path.
  all_candidates(
      group, mine, splits.size(),
      [&](std::size_t i, const v1::Candidate& candidate) { spool.store(i, candidate); }, failure);
}

RunResults grid_run(const ResolvedScenario& scenario, const v1::Objective& objective_as_written,
                    const std::vector<CandidateSplit>& candidates, RunObserver* observer,
                    const ProcessGroup* group) {
  Engine engine(scenario, TrialSet::kSearch);
  engine.reuse_channel_outcomes();  // a grid's splits share most channels' plans
  const SplitEvaluator evaluator(engine);
  auto spool = std::make_unique<CandidateSpool>(candidates.size(), scenario.objective);
  if (group && group->size() > 1) {
    evaluate_shared(evaluator, candidates, *spool, observer, *group);
  } else {
    evaluate_into(evaluator, candidates, *spool, observer);
  }
  auto results = build_results(scenario, objective_as_written, *spool);
  auto* recommendation = results.mutable_recommendation();
  recommendation->set_strategy("grid");
  recommendation->set_evaluations(static_cast<std::uint32_t>(candidates.size()));
  // What follows simulates a few dozen splits, one after another: each split's trials are spread instead.
  if (group) engine.spread_trials_over(*group);
  add_comparisons_and_margins(results, *spool, evaluator, candidates, group);
  return {std::move(results), std::move(spool)};
}

// The search is a sequence of steps, each depending on the last: each split's trials are spread over the
// group's processes (Engine::spread_trials_over), which all take the same steps.
RunResults optimize_run(const ResolvedScenario& scenario, const v1::Objective& objective_as_written,
                        RunObserver* observer, const ProcessGroup* group) {
  const auto& options = scenario.optimizer;

  Engine search_engine(scenario, TrialSet::kSearch), fresh_engine(scenario, TrialSet::kFresh);
  if (group) {
    search_engine.spread_trials_over(*group);
    fresh_engine.spread_trials_over(*group);
  }
  const SplitEvaluator search(search_engine), fresh(fresh_engine);
  const SplitSpace space(scenario, scenario.up_to ? scenario.min_spend_share : 1.0, 1.0);
  const auto outcome = optimize_split(space, search, options.max_evaluations);
  if (observer) observer->simulated(outcome.evaluations.size());  // the search runs whole: told at its end

  // The finalists, judged again on trials the search never saw: the figures reported are unbiased.
  std::vector<CandidateSplit> finalists;
  const auto best = distinct_best(outcome.evaluations, scenario, options.finalists);
  auto spool = std::make_unique<CandidateSpool>(best.size(), scenario.objective);
  for (const auto* e : best) finalists.push_back(e->split);
  auto judged = fresh.evaluate_all(finalists);  // in parallel (or each spread): the search was one at a time
  for (std::size_t i = 0; i < finalists.size(); ++i) {
    auto& candidate = judged[i];
    if (auto minimum = min_paid_violation(scenario, allocate(scenario, finalists[i])); !minimum.empty()) {
      candidate.set_infeasible(minimum);  // never recommended, however well it scores
    }
    candidate.set_index(static_cast<std::uint32_t>(i));
    spool->store(i, candidate);
  }
  auto results = build_results(scenario, objective_as_written, *spool);
  auto* recommendation = results.mutable_recommendation();
  recommendation->set_strategy("optimize");
  recommendation->set_fresh_trials(true);
  recommendation->set_evaluations(static_cast<std::uint32_t>(outcome.evaluations.size()));
  recommendation->set_evaluation_budget(static_cast<std::uint32_t>(options.max_evaluations));
  recommendation->set_converged(outcome.converged);
  add_comparisons_and_margins(results, *spool, fresh, finalists, group);
  if (options.frontier.size() > 1) {
    const auto index = recommendation->candidate_index();
    const FrontierAnchor anchor{finalists[index], spool->at(index), outcome.converged};
    std::size_t used = 0;
    for (auto& point :
         efficient_frontier(search, fresh, anchor, options.frontier, frontier_evaluations(scenario), used)) {
      *recommendation->add_frontier() = std::move(point);
    }
    recommendation->set_frontier_evaluations(static_cast<std::uint32_t>(used));
  }
  return {std::move(results), std::move(spool)};
}

// What produced the results: versions, plugins, seed, the scenario as run, and how it was executed.
void add_metadata(v1::Results& results, const LoadedScenario& loaded, const ResolvedScenario& scenario,
                  std::size_t threads, const std::string& started_at, double wall_seconds) {
  auto* meta = results.mutable_metadata();
  meta->set_splitsim_version(SPLITSIM_VERSION);
  for (const auto& channel : scenario.channels) {
    const auto& info = channel.plugin->info;
    bool listed = false;
    for (const auto& plugin : meta->plugins()) listed = listed || plugin.name() == info.name;
    if (listed) continue;
    auto* plugin = meta->add_plugins();
    plugin->set_name(info.name);
    plugin->set_version(info.version);
    plugin->set_file(channel.plugin->file.filename().string());
  }
  meta->set_seed(scenario.seed);
  meta->set_trials(scenario.trials);
  *meta->mutable_scenario() = loaded.scenario;
  meta->set_scenario_file(std::filesystem::path(loaded.file).filename().string());
  add_channel_basis(*meta, scenario, loaded.scenario);
  auto* execution = meta->mutable_execution();
  execution->set_threads(static_cast<std::uint32_t>(threads));
  execution->set_started_at(started_at);
  execution->set_wall_seconds(wall_seconds);
}

}  // namespace

v1::Results RunResults::whole() const {
  v1::Results whole = results;
  for (std::size_t i = 0; i < candidates->size(); ++i) *whole.add_candidates() = candidates->at(i);
  return whole;
}

v1::Results run_scenario(const LoadedScenario& loaded, const PluginRegistry& registry, std::size_t threads,
                         const ResourceLimits& limits, RunObserver* observer, const ProcessGroup* group) {
  return run_scenario_spooled(loaded, registry, threads, limits, observer, group).whole();
}

RunResults run_scenario_spooled(const LoadedScenario& loaded, const PluginRegistry& registry,
                                std::size_t threads, const ResourceLimits& limits, RunObserver* observer,
                                const ProcessGroup* group) {
  const auto started = std::chrono::steady_clock::now();
  const std::string started_at = utc_now();
  validate_scenario(loaded, registry);
  ResolvedScenario scenario = resolve_scenario(loaded, registry);
  // Calibrated channels draw from their posterior.
  const auto calibration = use_scenario_calibration(scenario, loaded);
  const RunPlan plan = plan_run(scenario, threads);
  check_resources(plan.estimate, limits, loaded.file);
  const auto currency = currency_warnings(scenario);
  if (observer) {
    for (const auto& warning : currency) observer->warned(warning);
    observer->planned(plan, scenario.optimize, threads);
  }
  const auto& objective = loaded.scenario.objective();
  auto run = scenario.optimize ? optimize_run(scenario, objective, observer, group)
                               : grid_run(scenario, objective, plan.grid, observer, group);
  if (observer) observer->finished();
  auto& results = run.results;
  if (results.has_recommendation()) {
    auto* recommendation = results.mutable_recommendation();
    for (const auto& warning : currency) recommendation->add_warnings(warning);
    if (calibration) add_calibration_evidence(*recommendation->mutable_report_data(), *calibration, scenario);
    if (scenario.team.present) {
      *recommendation->mutable_team_use() =
          team_use_at(run.candidates->at(recommendation->candidate_index()), scenario);
    }
  }
  add_metadata(results, loaded, scenario, threads, started_at,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return run;
}

}  // namespace splitsim
