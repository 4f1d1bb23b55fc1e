#include "search/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "stats/summary.hpp"

namespace splitsim {
namespace {

// Ranks from 1, ties sharing their average rank.
std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> rank(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double average = 0.5 * static_cast<double>(i + j) + 1.0;
    for (std::size_t k = i; k <= j; ++k) rank[order[k]] = average;
    i = j + 1;
  }
  return rank;
}

std::string source_of(const ResolvedChannel& channel, std::size_t parameter) {
  if (channel.posterior) {
    const auto& covered = channel.posterior->parameters;
    if (std::find(covered.begin(), covered.end(), parameter) != covered.end()) return "calibration";
  }
  const auto& set = channel.scenario_parameters;
  const std::string& name = channel.parameters[parameter].spec.name;
  return std::find(set.begin(), set.end(), name) != set.end() ? "scenario" : "default";
}

}  // namespace

double rank_correlation(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 3) return 0.0;
  const auto rx = ranks(x), ry = ranks(y);
  // Pearson's correlation of the ranks, through the shared statistics.
  const Summary sx = summarize(rx), sy = summarize(ry);
  if (!(sx.sd > 0.0) || !(sy.sd > 0.0)) return 0.0;
  std::vector<double> products(rx.size());
  for (std::size_t i = 0; i < rx.size(); ++i) products[i] = (rx[i] - sx.mean) * (ry[i] - sy.mean);
  const double n = static_cast<double>(rx.size());
  const double covariance = summarize(products).mean * n / (n - 1.0);
  return std::clamp(covariance / (sx.sd * sy.sd), -1.0, 1.0);
}

std::vector<v1::Driver> decisive_inputs(const Engine& engine, const std::vector<double>& difference,
                                        std::size_t top, double least) {
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < difference.size(); ++i) {
    if (std::isfinite(difference[i])) kept.push_back(i);
  }
  std::vector<double> y;
  for (const std::size_t i : kept) y.push_back(difference[i]);
  const auto& scenario = engine.scenario();
  std::vector<v1::Driver> drivers;
  for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
    const auto& channel = scenario.channels[c];
    const auto& table = engine.parameters(c);
    for (std::size_t p = 0; p < table.size() && p < channel.parameters.size(); ++p) {
      std::vector<double> x;
      for (const std::size_t i : kept) x.push_back(table[p][i]);
      const double r = rank_correlation(x, y);
      if (!(std::abs(r) >= least)) continue;
      v1::Driver driver;
      driver.set_channel(channel.name);
      driver.set_parameter(channel.parameters[p].spec.name);
      driver.set_rank_correlation(r);
      driver.set_source(source_of(channel, p));
      drivers.push_back(std::move(driver));
    }
  }
  // Strongest first; channel and parameter order (the scenario's) break ties, so the list is deterministic.
  std::stable_sort(drivers.begin(), drivers.end(), [](const v1::Driver& a, const v1::Driver& b) {
    return std::abs(a.rank_correlation()) > std::abs(b.rank_correlation());
  });
  if (drivers.size() > top) drivers.resize(top);
  return drivers;
}

std::string explain_drivers(const Engine& engine, const std::vector<v1::Driver>& drivers) {
  if (drivers.empty()) return "";
  const auto& d = drivers.front();
  std::string meaning;
  for (const auto& channel : engine.scenario().channels) {
    if (channel.name != d.channel()) continue;
    for (const auto& p : channel.parameters) {
      if (p.spec.name == d.parameter() && !p.spec.unit.empty()) meaning = " (" + p.spec.unit + ")";
    }
  }
  std::string basis = "the plugin's benchmark default, an assumption: calibrate it to the account's data";
  if (d.source() == "scenario") basis = "the scenario's own figure: check it";
  if (d.source() == "calibration") basis = "calibrated to the account's data";
  char line[640];
  std::snprintf(line, sizeof line,
                "\nWhy: what decides between the recommendation and the runner-up most is %s's %s%s, %s "
                "(rank correlation %+.2f with the recommendation's advantage, trial by trial: the %s it is, "
                "the more the recommendation wins).",
                d.channel().c_str(), d.parameter().c_str(), meaning.c_str(), basis.c_str(),
                d.rank_correlation(), d.rank_correlation() > 0.0 ? "higher" : "lower");
  return line;
}

}  // namespace splitsim
