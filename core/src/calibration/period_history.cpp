#include "calibration/period_history.hpp"

#include <cmath>
#include <limits>
#include <map>

#include "base/errors.hpp"

namespace splitsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct MetricInfo {
  const char* name;
  Output output;
  HistoryField field;
  bool ads_only;
};

constexpr MetricInfo kMetrics[kMetricCount] = {
    {"impressions", Output::kPaidImpressions, HistoryField::kImpressions, true},
    {"clicks", Output::kClicks, HistoryField::kClicks, true},
    {"conversions", Output::kConversions, HistoryField::kConversions, true},
    {"organic_impressions", Output::kOrganicImpressions, HistoryField::kOrganicImpressions, false},
    {"followers_gained", Output::kFollowersGained, HistoryField::kFollowers, false},
};

const MetricInfo& info(Metric m) { return kMetrics[static_cast<std::size_t>(m)]; }

}  // namespace

const char* metric_name(Metric metric) { return info(metric).name; }
Output metric_output(Metric metric) { return info(metric).output; }
HistoryField metric_field(Metric metric) { return info(metric).field; }
bool counts_ads_only(Metric metric) { return info(metric).ads_only; }

std::optional<Metric> metric_named(const std::string& name) {
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    if (name == kMetrics[m].name) return static_cast<Metric>(m);
  }
  return std::nullopt;
}

double PeriodHistory::spend_variation() const {
  if (spend.empty()) return 0.0;
  double mean = 0.0;
  for (double s : spend) mean += s;
  mean /= static_cast<double>(spend.size());
  if (mean <= 0.0) return 0.0;
  double squares = 0.0;
  for (double s : spend) squares += (s - mean) * (s - mean);
  return std::sqrt(squares / static_cast<double>(spend.size())) / mean;
}

PeriodHistory aggregate_history(const ChannelHistory& history, int period_days) {
  using F = HistoryField;
  PeriodHistory out;
  out.file = history.file;
  out.period_days = period_days;
  const auto& rows = history.rows;
  for (const auto& row : rows) {
    const auto days = (row.last - row.first).count() + 1;
    if (days > period_days) {
      throw InputError(
          {{history.file, row.line, "",
            "the row covers " + std::to_string(days) + " days, more than the scenario's periods of " +
                std::to_string(period_days) + ": export by day or week"}});
    }
  }
  const Day first = rows.front().first, last = rows.back().last;
  const auto covered = (last - first).count() + 1;
  out.periods = static_cast<std::size_t>(covered / period_days);
  if (out.periods == 0) {
    throw InputError(history.file, "the history covers " + std::to_string(covered) +
                                       " days, less than one period of the scenario (" +
                                       std::to_string(period_days) + " days)");
  }
  const auto total_days = static_cast<long>(out.periods) * period_days;
  out.first_day = last - std::chrono::days(total_days - 1);
  out.last_day = last;
  if (out.first_day > first) {
    out.notes.push_back("the " + std::to_string((out.first_day - first).count()) + " days from " +
                        iso_date(first) + ", short of a whole period, are not used");
  }

  // Per day of the periods used: the plan and the figures; ad results are 0 on days without a row.
  const auto n = static_cast<std::size_t>(total_days);
  std::vector<double> spend(n, 0.0), posts(n, 0.0);
  std::array<std::vector<double>, kMetricCount> daily;
  for (std::size_t m = 0; m < kMetricCount; ++m)
    daily[m].assign(n, counts_ads_only(static_cast<Metric>(m)) ? 0.0 : kNaN);
  std::map<long, double>
      follower_counts;  // by day index (may be negative: before the periods), at a row's end
  std::size_t days_without_row = n;
  for (const auto& row : rows) {
    const double days = static_cast<double>((row.last - row.first).count() + 1);
    if (const auto& count = row.figures[static_cast<std::size_t>(F::kFollowers)])
      follower_counts[(row.last - out.first_day).count()] = *count;
    for (Day day = row.first; day <= row.last; day += std::chrono::days(1)) {
      const auto index = (day - out.first_day).count();
      if (index < 0) continue;
      const auto d = static_cast<std::size_t>(index);
      --days_without_row;
      spend[d] = row.spend / days;
      posts[d] = row.figures[static_cast<std::size_t>(F::kOrganicPosts)].value_or(0.0) / days;
      for (std::size_t m = 0; m < kMetricCount; ++m) {
        const auto metric = static_cast<Metric>(m);
        if (metric == Metric::kFollowersGained) continue;
        const auto& figure = row.figures[static_cast<std::size_t>(metric_field(metric))];
        daily[m][d] = figure ? *figure / days : kNaN;
      }
    }
  }
  if (days_without_row > 0) {
    out.notes.push_back(std::to_string(days_without_row) +
                        " days without a row are taken as days without ads (no spend, no ad results)");
  }

  out.spend.assign(out.periods, 0.0);
  out.posts.assign(out.periods, 0.0);
  for (auto& series : out.observed) series.assign(out.periods, 0.0);
  for (std::size_t t = 0; t < out.periods; ++t) {
    for (std::size_t k = 0; k < static_cast<std::size_t>(period_days); ++k) {
      const std::size_t d = t * static_cast<std::size_t>(period_days) + k;
      out.spend[t] += spend[d];
      out.posts[t] += posts[d];
      for (std::size_t m = 0; m < kMetricCount; ++m) out.observed[m][t] += daily[m][d];
    }
  }

  // Follower gains: the count at the end of each period against the one before it.
  auto& gained = out.observed[static_cast<std::size_t>(Metric::kFollowersGained)];
  gained.assign(out.periods, kNaN);
  if (!follower_counts.empty()) {
    // Without a count before the first period, the first one stands for the start (its period's gain is
    // unknown).
    const auto before = follower_counts.lower_bound(0);
    auto previous = before != follower_counts.begin() ? std::prev(before) : follower_counts.begin();
    out.starting_followers = previous->second;
    for (std::size_t t = 0; t < out.periods; ++t) {
      const long end = static_cast<long>((t + 1) * static_cast<std::size_t>(period_days)) - 1;
      const auto after = follower_counts.upper_bound(end);
      if (after == follower_counts.begin()) continue;
      const auto latest = std::prev(after);
      if (latest->first < end - period_days + 1 || latest == previous)
        continue;  // no new count in this period
      gained[t] = std::fmax(0.0, latest->second - previous->second);
      previous = latest;
    }
  }

  out.has_posts = history.mapping.has(F::kOrganicPosts);
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    const auto metric = static_cast<Metric>(m);
    if (!history.mapping.has(metric_field(metric))) {
      out.observed[m].assign(out.periods, kNaN);
      continue;
    }
    for (double v : out.observed[m]) out.present[m] = out.present[m] || !std::isnan(v);
  }
  return out;
}

}  // namespace splitsim
