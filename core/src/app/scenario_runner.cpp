#include "app/scenario_runner.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "app/results_builder.hpp"
#include "engine/candidate_generator.hpp"
#include "engine/engine.hpp"
#include "scenario/scenario_validator.hpp"

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

}  // namespace

void apply_overrides(v1::Scenario& scenario, const ScenarioOverrides& overrides) {
  if (overrides.trials) scenario.set_trials(*overrides.trials);
  if (overrides.seed) scenario.set_seed(*overrides.seed);
}

v1::Results run_scenario(const LoadedScenario& loaded, const PluginRegistry& registry, std::size_t threads,
                         const ResourceLimits& limits) {
  const auto started = std::chrono::steady_clock::now();
  const std::string started_at = utc_now();
  validate_scenario(loaded, registry);
  const auto candidates = generate_candidates(loaded.scenario, loaded.file);
  std::size_t parameters = 0;
  for (const auto& channel : loaded.scenario.channels()) {
    if (const auto* plugin = registry.find(channel.plugin())) parameters += plugin->info.params.size();
  }
  check_resources(estimate_resources(loaded.scenario, candidates.size(), parameters, threads), limits,
                  loaded.file);
  const SimulationSetup setup = prepare_simulation(loaded.scenario, registry);
  const auto outcomes = Engine(setup).evaluate(candidates);

  auto results = build_results(loaded.scenario, setup, candidates, outcomes);
  auto* meta = results.mutable_metadata();
  meta->set_splitsim_version(SPLITSIM_VERSION);
  for (const auto& channel : setup.channels) {
    bool listed = false;
    for (const auto& plugin : meta->plugins()) listed = listed || plugin.name() == channel.plugin->info.name;
    if (listed) continue;
    auto* plugin = meta->add_plugins();
    plugin->set_name(channel.plugin->info.name);
    plugin->set_version(channel.plugin->info.version);
    plugin->set_file(channel.plugin->file.filename().string());
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
