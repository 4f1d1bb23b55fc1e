// The collector every validation section reports to, and the small checks several sections share.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "base/errors.hpp"
#include "scenario.pb.h"
#include "scenario/scenario_loader.hpp"
#include "scenario/source_map.hpp"

namespace splitsim::validation {

// Accumulates problems with their location; one instance per validation.
class Problems {
 public:
  static constexpr std::size_t kMaxReported = 50;

  explicit Problems(const LoadedScenario& loaded) : loaded_(loaded) {}
  void add(const FieldPath& path, std::string message) {
    problems_.push_back({loaded_.file, loaded_.source.line_of(path), path.to_string(), std::move(message)});
  }
  void throw_if_any() {
    if (problems_.empty()) return;
    // A generated file can repeat one mistake thousands of times: the first ones say what to fix.
    if (problems_.size() > kMaxReported) {
      const auto more = problems_.size() - kMaxReported;
      problems_.resize(kMaxReported);
      problems_.push_back({loaded_.file, 0, "", "... and " + std::to_string(more) + " more problems"});
    }
    throw InputError(std::move(problems_));
  }

 private:
  const LoadedScenario& loaded_;
  std::vector<InputProblem> problems_;
};

// A number as messages print it (stream formatting: 0.25, 1e+06, nan).
std::string num(double value);

// "a, b, c", or "(none)": the names a user could have meant.
std::string known_names(const std::vector<std::string>& names);

inline bool finite_at_least(double value, double low) { return std::isfinite(value) && value >= low; }

// An amount of money at most kMaxMoney (limits.hpp); reports one above it, naming the limit, and returns
// false.
bool check_money_limit(double amount, const FieldPath& path, Problems& problems);

// Share bounds: each end a share in [0, 1] (unset ends read as 0 and 1), and min not above max.
void check_bounds(const v1::ShareBounds& bounds, const FieldPath& path, Problems& problems);

}  // namespace splitsim::validation
