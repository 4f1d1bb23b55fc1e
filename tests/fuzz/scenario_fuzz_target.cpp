// Fuzz target for everything a scenario file goes through before it runs: parsing (text format and JSON),
// defaults, validation against the bundled plugins' schemas, and grid enumeration. Any input must either be
// accepted or refused with an InputError that says something; a crash, a hang, a sanitizer report or any
// other exception is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "base/errors.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"
#include "search/grid.hpp"
#include "search/search_space.hpp"

namespace {

const splitsim::PluginRegistry& bundled_plugins() {
  // Found relative to this executable, as the runner finds them; loaded once for all inputs.
  static const splitsim::PluginRegistry registry = [] {
    splitsim::PluginRegistry r;
    r.load_directories(splitsim::PluginRegistry::search_path({}));
    return r;
  }();
  return registry;
}

[[noreturn]] void fail(const std::string& why) {
  std::cerr << "scenario fuzz target: " << why << "\n";
  std::abort();
}

void check(const std::string& content, bool is_json) {
  try {
    const auto loaded = splitsim::parse_scenario(content, is_json, "fuzz-input");
    splitsim::validate_scenario(loaded, bundled_plugins());
    const auto scenario = splitsim::resolve_scenario(loaded, bundled_plugins());
    if (!scenario.optimize) {
      const auto candidates = splitsim::generate_candidates(scenario);
      if (candidates.empty()) fail("a valid scenario gave no candidate split");
    } else {
      // The optimizer's space must decode its starting points into plans that keep the bounds.
      const splitsim::SplitSpace space(scenario, 1.0, 1.0);
      // As many grid points as the optimizer allows itself with its default 300 evaluations.
      for (const auto& x : space.starting_points(300 / 6)) {
        const auto split = space.decode(x).split;
        double paid = 0.0;
        for (double share : split.paid_shares) paid += share;
        if (split.organic_share < 1.0 && std::abs(paid - 1.0) > 1e-9) fail("paid shares do not sum to one");
      }
    }
  } catch (const splitsim::InputError& e) {
    if (e.problems().empty()) fail("an InputError with no problem listed");
    for (const auto& problem : e.problems()) {
      if (problem.message.empty()) fail("an InputError problem with no message");
    }
  }
  // Anything else propagates: libFuzzer reports an uncaught exception as a crash with its input.
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The loader refuses files above kMaxScenarioBytes before parsing; larger inputs test nothing new.
  if (size > splitsim::kMaxScenarioBytes) return 0;
  const std::string content(reinterpret_cast<const char*>(data), size);
  check(content, false);
  check(content, true);
  return 0;
}
