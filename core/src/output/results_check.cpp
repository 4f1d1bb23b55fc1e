#include "output/results_check.hpp"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <vector>

#include "base/errors.hpp"
#include "base/kpi.hpp"
#include "scenario/limits.hpp"

namespace splitsim {
namespace {

using KpiList = google::protobuf::RepeatedPtrField<v1::KpiSummary>;

class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}

  void add(const std::string& field, const std::string& message) {
    // A damaged array can break the same rule thousands of times: the first ones say enough.
    if (problems_.size() < kMaxReported) problems_.push_back({file_, 0, field, message});
    ++count_;
  }
  void throw_if_any() {
    if (problems_.empty()) return;
    if (count_ > problems_.size())
      problems_.push_back({file_, 0, "", "... and " + std::to_string(count_ - problems_.size()) + " more"});
    throw InputError(std::move(problems_));
  }

 private:
  static constexpr std::size_t kMaxReported = 20;
  std::string file_;
  std::vector<InputProblem> problems_;
  std::size_t count_ = 0;
};

std::string at(const std::string& path, int i) { return path + "[" + std::to_string(i) + "]"; }

void check_count(Problems& problems, const std::string& field, int count, long long most,
                 const std::string& what) {
  if (count > most)
    problems.add(field,
                 std::to_string(count) + " entries, more than the " + std::to_string(most) + " " + what);
}

void check_exact_count(Problems& problems, const std::string& field, int count, int expected,
                       const std::string& what) {
  if (count != expected)
    problems.add(
        field, std::to_string(count) + " entries, expected " + std::to_string(expected) + " (" + what + ")");
}

void check_index(Problems& problems, const std::string& field, std::uint32_t index, int size,
                 const std::string& what) {
  if (index >= static_cast<std::uint32_t>(size))
    problems.add(field,
                 std::to_string(index) + " is out of range: there are " + std::to_string(size) + " " + what);
}

bool known_kpi(int kpi) { return kpi >= 1 && kpi <= kKpiCount; }

// At most one summary per KPI, each a KPI splitsim knows.
void check_kpis(Problems& problems, const std::string& path, const KpiList& kpis) {
  check_count(problems, path, kpis.size(), kKpiCount, "KPIs there are");
  std::bitset<kKpiCount + 1> seen;
  for (int k = 0; k < kpis.size() && k <= kKpiCount; ++k) {
    const int kpi = kpis[k].kpi();
    if (!known_kpi(kpi)) {
      problems.add(at(path, k) + ".kpi", "unknown KPI " + std::to_string(kpi));
    } else if (seen.test(static_cast<std::size_t>(kpi))) {
      problems.add(at(path, k) + ".kpi", v1::Kpi_Name(static_cast<v1::Kpi>(kpi)) + " is listed twice");
    } else {
      seen.set(static_cast<std::size_t>(kpi));
    }
  }
}

// One entry per channel of the scenario, and one pacing share per period.
void check_allocation(Problems& problems, const std::string& path, const v1::Allocation& allocation,
                      int channels, int periods) {
  check_exact_count(problems, path + ".channels", allocation.channels_size(), channels,
                    "one per channel of the scenario");
  check_exact_count(problems, path + ".paid_pacing", allocation.paid_pacing_size(), periods,
                    "one per period of the scenario");
}

}  // namespace

void check_results(const v1::Results& results, const std::string& file) {
  Problems problems(file);
  const auto& scenario = results.metadata().scenario();
  const int channels = scenario.channels_size();
  const int periods = scenario.horizon().periods();
  check_count(problems, "metadata.scenario.channels", channels, kMaxChannels, "a scenario can have");
  if (periods < 0 || periods > kMaxPeriods) {
    problems.add("metadata.scenario.horizon.periods",
                 std::to_string(periods) + " is not a number of periods a scenario can have (0 to " +
                     std::to_string(kMaxPeriods) + ")");
  }
  // Every count below is held against these two: without sane ones, stop here.
  problems.throw_if_any();
  check_count(problems, "metadata.plugins", results.metadata().plugins_size(), channels,
              "channels of the scenario");

  const int candidates = results.candidates_size();
  check_count(problems, "candidates", candidates, static_cast<long long>(kMaxCandidates),
              "candidate splits a run can have");
  if (scenario.search().has_optimize() && scenario.search().optimize().finalists() > 0) {
    check_count(problems, "candidates", candidates, scenario.search().optimize().finalists(),
                "finalists of the scenario's optimizer");
  }
  problems.throw_if_any();
  for (int i = 0; i < candidates; ++i) {
    const auto& candidate = results.candidates(i);
    const std::string path = at("candidates", i);
    if (candidate.index() != static_cast<std::uint32_t>(i)) {
      problems.add(path + ".index", std::to_string(candidate.index()) + ", expected " + std::to_string(i) +
                                        " (a candidate's index is its position)");
    }
    check_kpis(problems, path + ".kpis", candidate.kpis());
    check_exact_count(problems, path + ".channels", candidate.channels_size(), channels,
                      "one per channel of the scenario");
    for (int c = 0; c < candidate.channels_size() && c <= channels; ++c)
      check_kpis(problems, at(path + ".channels", c) + ".kpis", candidate.channels(c).kpis());
    check_allocation(problems, path + ".allocation", candidate.allocation(), channels, periods);
  }

  if (results.has_recommendation()) {
    const auto& rec = results.recommendation();
    if (candidates > 0)
      check_index(problems, "recommendation.candidate_index", rec.candidate_index(), candidates,
                  "candidates");
    if (!v1::Kpi_IsValid(rec.objective().kpi()))
      problems.add("recommendation.objective.kpi", "unknown KPI " + std::to_string(rec.objective().kpi()));
    if (!v1::Statistic_IsValid(rec.objective().statistic())) {
      problems.add("recommendation.objective.statistic",
                   "unknown statistic " + std::to_string(rec.objective().statistic()));
    }
    check_count(problems, "recommendation.runner_ups", rec.runner_ups_size(), candidates, "candidates");
    for (int r = 0; r < rec.runner_ups_size() && r <= candidates; ++r) {
      check_index(problems, at("recommendation.runner_ups", r) + ".candidate_index",
                  rec.runner_ups(r).candidate_index(), candidates, "candidates");
    }
    const int budgets = scenario.search().optimize().frontier_size();
    check_count(problems, "recommendation.frontier", rec.frontier_size(), budgets,
                "budgets of the scenario's frontier");
    for (int f = 0; f < rec.frontier_size() && f <= budgets; ++f) {
      const auto& point = rec.frontier(f);
      check_allocation(problems, at("recommendation.frontier", f) + ".allocation", point.allocation(),
                       channels, periods);
      if (!v1::Kpi_IsValid(point.kpi().kpi())) {
        problems.add(at("recommendation.frontier", f) + ".kpi.kpi",
                     "unknown KPI " + std::to_string(point.kpi().kpi()));
      }
    }
    check_count(problems, "recommendation.marginal_returns", rec.marginal_returns_size(), channels,
                "channels of the scenario");
  }
  problems.throw_if_any();
}

}  // namespace splitsim
