#include "batch/resume.hpp"

#include "base/deterministic_bytes.hpp"
#include "output/results_io.hpp"
#include "scenario/scenario_loader.hpp"

namespace splitsim {

std::optional<v1::Results> reusable_results(const std::filesystem::path& results_file,
                                            const std::filesystem::path& scenario_file,
                                            const ScenarioOverrides& overrides) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(results_file, ec)) return std::nullopt;
  try {
    auto results = load_results(results_file);
    auto loaded = load_scenario(scenario_file);
    apply_overrides(loaded.scenario, overrides);
    if (results.metadata().splitsim_version() != SPLITSIM_VERSION) return std::nullopt;
    if (deterministic_bytes(results.metadata().scenario()) != deterministic_bytes(loaded.scenario))
      return std::nullopt;
    if (results.candidates_size() == 0 || !results.has_recommendation()) return std::nullopt;
    return results;
  } catch (const std::exception&) {
    return std::nullopt;  // unreadable or changed: run it again
  }
}

}  // namespace splitsim
