// A history summed into the scenario's periods: the plan that was run (spend and posts per period) and what
// was observed, per period and metric.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "calibration/export_values.hpp"
#include "calibration/history_import.hpp"
#include "splitsim/output_buffers.hpp"

namespace splitsim {

// The observed figures compared with a plugin's outputs.
enum class Metric : std::size_t {
  kImpressions,         // paid impressions
  kClicks,              // of ads
  kConversions,         // of ads, platform-attributed
  kOrganicImpressions,  // of posts
  kFollowersGained,     // from the follower counts
  kCount
};
inline constexpr std::size_t kMetricCount = static_cast<std::size_t>(Metric::kCount);

const char* metric_name(Metric metric);
std::optional<Metric> metric_named(const std::string& name);
// The plugin output a metric is compared with.
Output metric_output(Metric metric);
// The history column a metric comes from.
HistoryField metric_field(Metric metric);
// Whether the ads managers' figure counts ads only: compared with the plan simulated without its posts.
bool counts_ads_only(Metric metric);

struct PeriodHistory {
  std::string file;
  Day first_day{}, last_day{};  // of the periods used
  int period_days = 7;
  std::size_t periods = 0;
  std::vector<double> spend, posts;                        // per period: the plan that ran
  std::array<std::vector<double>, kMetricCount> observed;  // per period; NaN where not reported
  std::array<bool, kMetricCount> present{};                // some period reports it
  bool has_posts = false;                                  // the history gives organic posts
  std::optional<double> starting_followers;                // the count before the first period
  std::vector<std::string> notes;                          // what was left out or assumed

  // How much spend varied between periods: standard deviation / mean (0 when constant or nothing spent).
  double spend_variation() const;
};

// Sums a history's rows into periods of `period_days` days counted back from its last day (the most recent
// data matter most; days before the first whole period are left out). A row is spread evenly over its days.
// Days without a row have no spend and no ad results; their organic figures are not reported. Follower counts
// become gains per period (net losses count as no gain: the model has no unfollows). Throws InputError naming
// the history file when a row is longer than a period or the history is shorter than one period.
PeriodHistory aggregate_history(const ChannelHistory& history, int period_days);

}  // namespace splitsim
