#include "app/scenario_runner.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>

#include "app/results_builder.hpp"
#include "engine/candidate_generator.hpp"
#include "engine/engine.hpp"
#include "errors.hpp"
#include "scenario/scenario_validator.hpp"
#include "search/comparison.hpp"
#include "search/frontier.hpp"
#include "search/marginal_returns.hpp"
#include "search/objective.hpp"
#include "search/optimizer.hpp"
#include "search/plan_bounds.hpp"

namespace splitsim {
namespace {

std::string utc_now() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// Trials of another key: Philox streams of another seed are independent of the first. The optimizer's
// finalists are judged on `kFreshTrials`; the recommendation is compared with its runner-ups on
// `kComparisonTrials`, which chose nothing, so the comparison is not biased towards the winner.
constexpr std::uint64_t kFreshTrials = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t kComparisonTrials = 0xC2B2AE3D27D4EB4Full;

SimulationSetup setup_with_seed(const v1::Scenario& scenario, const PluginRegistry& registry,
                                std::uint64_t key) {
  v1::Scenario reseeded = scenario;
  reseeded.set_seed(scenario.seed() ^ key);
  return prepare_simulation(reseeded, registry);
}

// The recommendation against the next best candidates, trial by trial on trials of their own, and its
// marginal returns (on `evaluator`'s trials, those of the figures reported).
void add_comparisons_and_margins(v1::Results& results, const SplitEvaluator& evaluator,
                                 const PluginRegistry& registry, const std::vector<CandidateSplit>& splits) {
  if (!results.has_recommendation()) return;
  auto* recommendation = results.mutable_recommendation();
  const auto best = recommendation->candidate_index();
  const auto& objective = recommendation->objective();
  std::vector<int> others;
  for (int i = 0; i < results.candidates_size(); ++i) {
    if (static_cast<std::uint32_t>(i) != best && results.candidates(i).infeasible().empty())
      others.push_back(i);
  }
  std::stable_sort(others.begin(), others.end(), [&](int a, int b) {
    return better(results.candidates(a), results.candidates(b), objective);
  });
  if (others.size() > 4) others.resize(4);
  if (!others.empty()) {
    const SimulationSetup setup = setup_with_seed(evaluator.scenario(), registry, kComparisonTrials);
    const SplitEvaluator comparison(evaluator.scenario(), setup);
    const auto best_per_trial = comparison.objective_kpi_per_trial(splits[best]);
    for (const int other : others) {
      *recommendation->add_runner_ups() =
          compare_splits(comparison, best_per_trial, splits[static_cast<std::size_t>(other)],
                         static_cast<std::uint32_t>(other));
    }
  }
  double step = 0.0;
  for (auto& r : marginal_returns(evaluator, splits[best], &step))
    *recommendation->add_marginal_returns() = r;
  recommendation->set_marginal_step(step);
  recommendation->set_explanation(recommendation->explanation() + explain_comparison(*recommendation));
}

v1::Results grid_scenario(const LoadedScenario& loaded, const PluginRegistry& registry,
                          const std::function<void(std::size_t)>& check) {
  const auto& scenario = loaded.scenario;
  auto candidates = generate_candidates(scenario, loaded.file);
  // Money limits (a channel held at an amount, within a change of its current spend) filter the grid.
  if (const auto money = paid_money_bounds(scenario); money.any()) {
    std::string first_reason;
    std::erase_if(candidates, [&](const CandidateSplit& split) {
      const auto reason = money_violation(scenario, money, split, scenario.budget().total());
      if (!reason.empty() && first_reason.empty()) first_reason = reason;
      return !reason.empty();
    });
    if (candidates.empty()) {
      throw InputError({{loaded.file, 0, "search.grid",
                         "no grid point keeps the channels' money limits (" + first_reason +
                             "): use a finer grid or search { optimize {} }"}});
    }
  }
  check(candidates.size());
  const SimulationSetup setup = prepare_simulation(scenario, registry);
  const auto outcomes = Engine(setup).evaluate(candidates);
  auto results = build_results(scenario, setup, candidates, outcomes, loaded.file);
  auto* recommendation = results.mutable_recommendation();
  recommendation->set_strategy("grid");
  recommendation->set_evaluations(static_cast<std::uint32_t>(candidates.size()));
  add_comparisons_and_margins(results, SplitEvaluator(scenario, setup), registry, candidates);
  return results;
}

v1::Results optimize_scenario(const LoadedScenario& loaded, const PluginRegistry& registry,
                              const std::function<void(std::size_t)>& check) {
  const auto& scenario = loaded.scenario;
  const auto& options = scenario.search().optimize();
  const std::size_t frontier_evaluations = std::max<std::size_t>(20, options.max_evaluations() / 4);
  check(options.max_evaluations() + options.finalists() +
        static_cast<std::size_t>(options.frontier_size()) * (frontier_evaluations + 2) +
        2 * static_cast<std::size_t>(scenario.channels_size()));

  const SimulationSetup setup = prepare_simulation(scenario, registry);
  const SimulationSetup fresh_setup = setup_with_seed(scenario, registry, kFreshTrials);
  const SplitEvaluator search(scenario, setup), fresh(scenario, fresh_setup);

  const double low = scenario.budget().up_to() ? scenario.budget().min_spend_share() : 1.0;
  const SplitSpace space(scenario, low, 1.0);
  const auto evaluations = optimize_split(space, search, options.max_evaluations());

  // The finalists, judged again on trials the search never saw: the figures reported are unbiased.
  std::vector<CandidateSplit> finalists;
  std::vector<v1::Candidate> candidates;
  for (const auto* e : distinct_best(evaluations, scenario.objective(), options.finalists())) {
    finalists.push_back(e->split);
    candidates.push_back(fresh.evaluate(e->split));
  }
  auto results = build_results(scenario, std::move(candidates), loaded.file);
  auto* recommendation = results.mutable_recommendation();
  recommendation->set_strategy("optimize");
  recommendation->set_fresh_trials(true);
  std::size_t used = evaluations.size() + finalists.size();
  add_comparisons_and_margins(results, fresh, registry, finalists);
  std::vector<double> multiples(options.frontier().begin(), options.frontier().end());
  if (multiples.size() > 1) {
    const auto& best = finalists[recommendation->candidate_index()];
    for (auto& point : efficient_frontier(search, fresh, best, multiples, frontier_evaluations, used)) {
      *recommendation->add_frontier() = std::move(point);
    }
  }
  recommendation->set_evaluations(static_cast<std::uint32_t>(used));
  return results;
}

}  // namespace

void apply_overrides(v1::Scenario& scenario, const ScenarioOverrides& overrides) {
  if (overrides.trials) scenario.set_trials(*overrides.trials);
  if (overrides.seed) scenario.set_seed(*overrides.seed);
  if (overrides.search == "optimize" && !scenario.search().has_optimize()) {
    scenario.mutable_search()->mutable_optimize();
    apply_defaults(scenario);
  } else if (overrides.search == "grid" && !scenario.search().has_grid()) {
    scenario.mutable_search()->mutable_grid();
    apply_defaults(scenario);
  }
}

v1::Results run_scenario(const LoadedScenario& loaded, const PluginRegistry& registry, std::size_t threads,
                         const ResourceLimits& limits) {
  const auto started = std::chrono::steady_clock::now();
  const std::string started_at = utc_now();
  validate_scenario(loaded, registry);
  const auto& scenario = loaded.scenario;
  std::size_t parameters = 0;
  for (const auto& channel : scenario.channels()) {
    if (const auto* plugin = registry.find(channel.plugin())) parameters += plugin->info.params.size();
  }
  const auto check = [&](std::size_t candidates) {
    check_resources(estimate_resources(scenario, candidates, parameters, threads), limits, loaded.file);
  };
  auto results = scenario.search().has_optimize() ? optimize_scenario(loaded, registry, check)
                                                  : grid_scenario(loaded, registry, check);
  auto* meta = results.mutable_metadata();
  meta->set_splitsim_version(SPLITSIM_VERSION);
  for (const auto& channel : scenario.channels()) {
    const auto* loaded_plugin = registry.find(channel.plugin());
    bool listed = false;
    for (const auto& plugin : meta->plugins()) listed = listed || plugin.name() == loaded_plugin->info.name;
    if (listed) continue;
    auto* plugin = meta->add_plugins();
    plugin->set_name(loaded_plugin->info.name);
    plugin->set_version(loaded_plugin->info.version);
    plugin->set_file(loaded_plugin->file.filename().string());
  }
  meta->set_seed(loaded.scenario.seed());
  meta->set_trials(loaded.scenario.trials());
  *meta->mutable_scenario() = loaded.scenario;
  meta->set_scenario_file(std::filesystem::path(loaded.file).filename().string());
  auto* execution = meta->mutable_execution();
  execution->set_threads(static_cast<std::uint32_t>(threads));
  execution->set_started_at(started_at);
  execution->set_wall_seconds(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return results;
}

}  // namespace splitsim
