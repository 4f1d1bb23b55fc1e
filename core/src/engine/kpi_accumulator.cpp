#include "engine/kpi_accumulator.hpp"

#include <algorithm>
#include <limits>

#include "engine/reach_overlap.hpp"

namespace splitsim {
namespace {

// n / d where a zero denominator means "nothing bought": infinite cost when money was spent, else 0.
double cost_ratio(double n, double d) {
  if (d > 0.0) return n / d;
  return n > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
}

// Ratios derived from a row of additive KPIs (a channel's or the totals).
void derive_kpis(double* k, double value_per_conversion) {
  auto at = [&](v1::Kpi kpi) -> double& { return k[kpi_index(kpi)]; };
  const double cost = at(v1::PAID_SPEND) + at(v1::ORGANIC_COST);
  at(v1::CPM) = cost_ratio(1000.0 * at(v1::PAID_SPEND), at(v1::PAID_IMPRESSIONS));
  at(v1::CPC) = cost_ratio(cost, at(v1::CLICKS));
  at(v1::CPA) = cost_ratio(cost, at(v1::CONVERSIONS));
  at(v1::ENGAGEMENT_RATE) = at(v1::IMPRESSIONS) > 0.0 ? at(v1::ENGAGEMENTS) / at(v1::IMPRESSIONS) : 0.0;
  at(v1::ROAS) = cost > 0.0 ? at(v1::CONVERSIONS) * value_per_conversion / cost : 0.0;
  at(v1::FREQUENCY) = at(v1::REACH) > 0.0 ? at(v1::IMPRESSIONS) / at(v1::REACH) : 0.0;
  // All-in (above) against media-only: paid spend alone, as an ads manager reports it.
  const double paid = at(v1::PAID_SPEND);
  at(v1::TOTAL_COST) = cost;
  at(v1::MEDIA_CPC) = cost_ratio(paid, at(v1::CLICKS));
  at(v1::MEDIA_CPA) = cost_ratio(paid, at(v1::CONVERSIONS));
  at(v1::MEDIA_ROAS) = paid > 0.0 ? at(v1::CONVERSIONS) * value_per_conversion / paid : 0.0;
}

// The KPIs a channel adds to the totals; the ratios and the shortfall are computed on the totals instead.
constexpr v1::Kpi kAdditive[] = {
    v1::REACH,           v1::IMPRESSIONS,      v1::ENGAGEMENTS,      v1::CLICKS,
    v1::CONVERSIONS,     v1::FOLLOWERS_GAINED, v1::PAID_IMPRESSIONS, v1::ORGANIC_IMPRESSIONS,
    v1::PAID_SPEND,      v1::ORGANIC_COST,     v1::TEAM_HOURS,       v1::CONTENT_HOURS,
    v1::COMMUNITY_HOURS, v1::CAMPAIGN_HOURS,   v1::STRATEGY_HOURS};

// Output arrays of trial i summed over the horizon into the additive KPIs (organic and paid impressions
// both count as impressions).
void add_outputs(const OutputBuffers& out, std::size_t i, double* kpis) {
  // Period by period across the outputs: each output's sum is one chain of additions in period order (its
  // bits), and the chains of different outputs overlap instead of waiting on each other.
  double sums[kOutputCount] = {};
  const double* rows[kOutputCount];
  for (int o = 0; o < kOutputCount; ++o) rows[o] = out.row(static_cast<Output>(o), i);
  for (std::size_t t = 0; t < out.periods; ++t)
    for (int o = 0; o < kOutputCount; ++o) sums[o] += rows[o][t];
  auto sum = [&](Output o) { return sums[static_cast<int>(o)]; };
  kpis[kpi_index(v1::REACH)] = sum(Output::kReach);
  kpis[kpi_index(v1::IMPRESSIONS)] = sum(Output::kPaidImpressions) + sum(Output::kOrganicImpressions);
  kpis[kpi_index(v1::ENGAGEMENTS)] = sum(Output::kEngagements);
  kpis[kpi_index(v1::CLICKS)] = sum(Output::kClicks);
  kpis[kpi_index(v1::CONVERSIONS)] = sum(Output::kConversions);
  kpis[kpi_index(v1::FOLLOWERS_GAINED)] = sum(Output::kFollowersGained);
  kpis[kpi_index(v1::PAID_IMPRESSIONS)] = sum(Output::kPaidImpressions);
  kpis[kpi_index(v1::ORGANIC_IMPRESSIONS)] = sum(Output::kOrganicImpressions);
  kpis[kpi_index(v1::PAID_SPEND)] = sum(Output::kSpend);
}

// Trial i's period flows added to the totals across channels (channels in scenario order, as every sum).
void add_period_flows(const OutputBuffers& out, std::size_t i,
                      std::vector<std::vector<std::vector<double>>>& periods, std::size_t trial) {
  const auto row = [&](Output o) { return out.row(o, i); };
  for (std::size_t f = 0; f < kPeriodFlowCount; ++f) {
    for (std::size_t t = 0; t < out.periods; ++t) {
      double value = 0.0;
      switch (kPeriodFlows[f]) {
        case v1::IMPRESSIONS:
          value = row(Output::kPaidImpressions)[t] + row(Output::kOrganicImpressions)[t];
          break;
        case v1::ENGAGEMENTS:
          value = row(Output::kEngagements)[t];
          break;
        case v1::CLICKS:
          value = row(Output::kClicks)[t];
          break;
        default:
          value = row(Output::kConversions)[t];
          break;
      }
      periods[f][t][trial] += value;
    }
  }
}

}  // namespace

KpiAccumulator::KpiAccumulator(const ResolvedScenario& scenario, std::size_t block_trials)
    : scenario_(scenario),
      team_capacities_(scenario.team.roles),
      community_hours_(block_trials * scenario.periods),
      max_audience_(block_trials),
      channel_reach_(scenario.channels.size()) {}

void KpiAccumulator::begin(const Allocation& allocation, TrialKpis& kpis, std::uint64_t first,
                           std::size_t n) {
  allocation_ = &allocation;
  kpis_ = &kpis;
  first_ = first;
  n_ = n;
  // The totals are sums over channels, from zero: arrays reused from an earlier split hold its figures.
  for (const v1::Kpi k : kAdditive) std::fill_n(kpis.totals[kpi_index(k)].begin() + first, n, 0.0);
  std::fill(community_hours_.begin(), community_hours_.begin() + n * scenario_.periods, 0.0);
}

void KpiAccumulator::add_channel(std::size_t c, const OutputBuffers& out, ChannelOutcome* record) {
  const std::size_t periods = scenario_.periods;
  const ChannelBudget& budget = allocation_->channels[c];
  const TeamPlan& team = scenario_.team;
  // Community work follows what needs a reply, not every view or like: the channel's reply share.
  const double community_per_1000 = team.community_hours_per_1000(scenario_.channels[c].reply_share);
  // Zeroed once, not per trial (a memset of its own each time): every trial writes the same entries, and
  // those it never writes (the shortfall, a figure of the totals only) stay zero.
  double kpis[kKpiCount] = {};
  for (std::size_t i = 0; i < n_; ++i) {
    const std::size_t trial = first_ + i;
    add_outputs(out, i, kpis);
    kpis[kpi_index(v1::ORGANIC_COST)] = budget.organic_budget + budget.team_cost;
    double community = 0.0;
    if (team.present) {
      const double* engagements = out.row(Output::kEngagements, i);
      double* needed = community_hours_.data() + i * periods;
      double* kept = record ? record->community_hours.data() + trial * periods : nullptr;
      for (std::size_t t = 0; t < periods; ++t) {
        const double period_hours = engagements[t] / 1000.0 * community_per_1000;
        needed[t] += period_hours;
        community += period_hours;
        if (kept) kept[t] = period_hours;
      }
    }
    kpis[kpi_index(v1::CONTENT_HOURS)] = budget.content_hours;
    kpis[kpi_index(v1::COMMUNITY_HOURS)] = community;
    kpis[kpi_index(v1::CAMPAIGN_HOURS)] = budget.campaign_hours;
    kpis[kpi_index(v1::STRATEGY_HOURS)] = budget.strategy_hours;
    kpis[kpi_index(v1::TEAM_HOURS)] = budget.planned_hours + community;
    max_audience_[i] = c == 0 ? out.audience[i] : std::max(max_audience_[i], out.audience[i]);
    if (record) record->audience[trial] = out.audience[i];
    if (!kpis_->periods.empty()) add_period_flows(out, i, kpis_->periods, trial);
    for (const v1::Kpi k : kAdditive) kpis_->totals[kpi_index(k)][trial] += kpis[kpi_index(k)];
    derive_kpis(kpis, scenario_.value_per_conversion);
    for (int k = 0; k < kKpiCount; ++k) kpis_->channels[c][k][trial] = kpis[k];
  }
}

void KpiAccumulator::add_known_channel(std::size_t c, const ChannelOutcome& known) {
  // Column by column, each a contiguous run of the block's trials (trial by trial, every trial touched 26
  // columns of each side, and this was a third of a grid's time). Each total still gets channel c's value
  // after the channels before it and before those after it: the same sums.
  const std::size_t first = first_, n = n_, periods = scenario_.periods;
  for (int k = 0; k < kKpiCount; ++k)
    std::copy_n(known.kpis[k].data() + first, n, kpis_->channels[c][k].data() + first);
  for (const v1::Kpi kpi : kAdditive) {
    const double* from = known.kpis[kpi_index(kpi)].data() + first;
    double* to = kpis_->totals[kpi_index(kpi)].data() + first;
    for (std::size_t i = 0; i < n; ++i) to[i] += from[i];
  }
  if (scenario_.team.present) {
    const double* kept = known.community_hours.data() + first * periods;
    for (std::size_t j = 0; j < n * periods; ++j) community_hours_[j] += kept[j];
  }
  const double* audience = known.audience.data() + first;
  for (std::size_t i = 0; i < n; ++i)
    max_audience_[i] = c == 0 ? audience[i] : std::max(max_audience_[i], audience[i]);
}

void KpiAccumulator::finish() {
  const std::size_t channels = scenario_.channels.size();
  for (std::size_t i = 0; i < n_; ++i) {
    const std::size_t trial = first_ + i;
    double row[kKpiCount];
    for (int k = 0; k < kKpiCount; ++k) row[k] = kpis_->totals[k][trial];
    const double population = scenario_.population.value_or(max_audience_[i]);
    for (std::size_t c = 0; c < channels; ++c)
      channel_reach_[c] = kpis_->channels[c][kpi_index(v1::REACH)][trial];
    row[kpi_index(v1::REACH)] = total_reach(channel_reach_.data(), channels, population, scenario_.overlap);
    // A team paid outside a media-only budget that no channel's posts took still counts in all-in costs.
    row[kpi_index(v1::ORGANIC_COST)] += allocation_->team_cost_unassigned;
    double shortfall = 0.0;
    if (scenario_.team.present) {
      // Each period's needs against what the roles that may do them can work.
      const double* community = community_hours_.data() + i * scenario_.periods;
      ActivityHoursArray needs = allocation_->hours_per_period;
      for (std::size_t t = 0; t < scenario_.periods; ++t) {
        needs[static_cast<int>(Activity::kCommunity)] = community[t];
        shortfall += team_capacities_.shortfall(needs);
      }
    }
    row[kpi_index(v1::TEAM_SHORTFALL_HOURS)] = shortfall;
    derive_kpis(row, scenario_.value_per_conversion);
    for (int k = 0; k < kKpiCount; ++k) kpis_->totals[k][trial] = row[k];
  }
}

}  // namespace splitsim
