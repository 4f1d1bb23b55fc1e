#include "calibration_support.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "calibration/plan_simulator.hpp"
#include "engine/parameter_sampler.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace splitsim::testing {

const PluginRegistry& shared_registry() {
  static const PluginRegistry registry = bundled_registry();
  return registry;
}

ResolvedScenario resolved(const std::string& text) {
  return resolve_scenario(parse_scenario(text, false, "test.textproto"), shared_registry());
}

std::vector<double> varied_spend(std::size_t weeks, double low, double high) {
  std::vector<double> spend(weeks);
  for (std::size_t w = 0; w < weeks; ++w) {
    // Flights of four weeks at levels spread over [low, high], in a scrambled order.
    const double level = static_cast<double>((w / 4 * 7) % 13) / 12.0;
    spend[w] = low + (high - low) * level;
  }
  return spend;
}

std::string iso(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

std::size_t parameter_index(const ResolvedChannel& channel, const std::string& name) {
  for (std::size_t p = 0; p < channel.parameters.size(); ++p) {
    if (channel.parameters[p].spec.name == name) return p;
  }
  throw std::invalid_argument("no parameter " + name);
}

std::vector<double> median_parameters(const ResolvedChannel& channel) {
  std::vector<double> values;
  for (const auto& [spec, distribution] : channel.parameters)
    values.push_back(truncated_quantile(distribution, spec.min, spec.max, 0.5));
  return values;
}

void set_parameter(const ResolvedChannel& channel, std::vector<double>& values, const std::string& name,
                   double value) {
  values[parameter_index(channel, name)] = value;
}

std::string synthetic_history_csv(const SyntheticHistory& h) {
  const std::size_t weeks = h.spend.size();
  Plan plan{h.spend, h.posts.empty() ? std::vector<double>(weeks, 0.0) : h.posts};
  Plan ads{h.spend, std::vector<double>(weeks, 0.0)};
  PlanSimulator simulator(1, weeks, h.truth.size());
  // A key no calibration uses, so the history's noise is not the calibration's replicates'.
  const std::uint64_t key = h.seed * 0x9E3779B97F4A7C15ull + 0x5851F42D4C957F2Dull;
  const auto full_out = simulator.run(*h.channel, 0, plan, h.truth, 0, 1, key, 7.0);
  std::vector<std::vector<double>> full(kOutputCount, std::vector<double>(weeks));
  for (int o = 0; o < kOutputCount; ++o)
    for (std::size_t t = 0; t < weeks; ++t)
      full[static_cast<std::size_t>(o)][t] = full_out.row(static_cast<Output>(o), 0)[t];
  std::vector<std::vector<double>> paid = full;
  if (!h.posts.empty()) {
    const auto& ads_out = simulator.run(*h.channel, 0, ads, h.truth, 0, 1, key, 7.0);
    for (int o = 0; o < kOutputCount; ++o)
      for (std::size_t t = 0; t < weeks; ++t)
        paid[static_cast<std::size_t>(o)][t] = ads_out.row(static_cast<Output>(o), 0)[t];
  }
  const RandomStream measurement(key, 1, StreamId::kPluginExtra);
  const auto observe = [&](double mu, Metric metric, std::size_t t) {
    const double sigma = h.errors.sigma[static_cast<std::size_t>(metric)];
    const double sd = std::sqrt(sigma * sigma + 1.0 / (mu + 1.0));
    const double z = measurement.normal(t, static_cast<std::uint32_t>(metric), 0);
    return std::fmax(0.0, (mu + 1.0) * std::exp(sd * z) - 1.0);
  };
  std::string csv =
      h.organic_columns
          ? "date,spend,impressions,clicks,conversions,organic_posts,organic_impressions,followers\n"
          : "date,spend,impressions,clicks,conversions\n";
  const double start_followers = h.truth[parameter_index(*h.channel, "followers")];
  double followers = start_followers;
  char line[512];
  for (std::size_t t = 0; t < weeks; ++t) {
    const int day = static_cast<int>(t * 7);
    const std::chrono::sys_days date =
        std::chrono::sys_days{std::chrono::year{2024} / 1 / 1} + std::chrono::days(day);
    const std::chrono::year_month_day ymd{date};
    const auto at = [&](Output o) { return paid[static_cast<std::size_t>(o)][t]; };
    std::snprintf(line, sizeof line, "%04d-%02u-%02u,%.2f,%.2f,%.2f,%.2f", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), h.spend[t],
                  observe(at(Output::kPaidImpressions), Metric::kImpressions, t),
                  observe(at(Output::kClicks), Metric::kClicks, t),
                  observe(at(Output::kConversions), Metric::kConversions, t));
    csv += line;
    if (h.organic_columns) {
      followers +=
          observe(full[static_cast<std::size_t>(Output::kFollowersGained)][t], Metric::kFollowersGained, t);
      std::snprintf(line, sizeof line, ",%.2f,%.2f,%.0f", plan.posts[t],
                    observe(full[static_cast<std::size_t>(Output::kOrganicImpressions)][t],
                            Metric::kOrganicImpressions, t),
                    followers);
      csv += line;
    }
    csv += "\n";
  }
  return csv;
}

}  // namespace splitsim::testing
