#include "output/table_view.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "base/kpi.hpp"
#include "output/number_text.hpp"
#include "scenario/resolve.hpp"
#include "search/objective.hpp"
#include "search/ranking.hpp"

namespace splitsim {
namespace {

std::string fmt(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string pad(const std::string& text, std::size_t width, bool right = true) {
  if (text.size() >= width) return text;
  return right ? std::string(width - text.size(), ' ') + text : text + std::string(width - text.size(), ' ');
}

std::string kpi_name(v1::Kpi kpi) {
  std::string name = v1::Kpi_Name(kpi);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](char c) { return c == '_' ? ' ' : std::tolower(c); });
  return name;
}

// KPIs that mean nothing for this scenario: ROAS without a value per conversion, hours without a team.
bool applies(v1::Kpi kpi, const v1::Scenario& scenario) {
  if (kpi == v1::ROAS || kpi == v1::MEDIA_ROAS) return scenario.value_per_conversion() > 0.0;
  if (kpi == v1::TEAM_HOURS || kpi == v1::TEAM_SHORTFALL_HOURS || kpi == v1::CONTENT_HOURS ||
      kpi == v1::COMMUNITY_HOURS || kpi == v1::CAMPAIGN_HOURS || kpi == v1::STRATEGY_HOURS)
    return scenario.has_team();
  return true;
}

// The KPI distributions. A ratio KPI takes two rows, each named for what it is: the ratio of the expected
// totals (what practitioners call the plan's CPA: total cost / expected conversions) and the distribution
// of the ratio trial by trial (its mean is dominated by the bad trials). The target's probability reads
// "at least" for what is maximised and "at most" for costs.
void print_kpi_table(std::ostringstream& out, const google::protobuf::RepeatedPtrField<v1::KpiSummary>& kpis,
                     const v1::Scenario& scenario) {
  const bool at_most = lower_is_better(scenario.objective().kpi());
  out << "  " << pad("KPI", 28, false) << pad("mean", 14) << pad("P5", 14) << pad("P50", 14) << pad("P95", 14)
      << pad(at_most ? "P(<=target)" : "P(>=target)", 13) << "\n";
  for (const auto& k : kpis) {
    if (!applies(k.kpi(), scenario)) continue;
    const std::string name = kpi_name(k.kpi());
    if (k.has_ratio_of_means()) {
      out << "  " << pad(name + ", ratio of totals", 28, false)
          << pad(readable_number(k.ratio_of_means()), 14) << "\n";
    }
    out << "  " << pad(k.has_ratio_of_means() ? name + ", per trial" : name, 28, false)
        << pad(readable_number(k.mean()), 14) << pad(readable_number(k.p5()), 14)
        << pad(readable_number(k.p50()), 14) << pad(readable_number(k.p95()), 14)
        << pad(k.has_prob_target() ? percent_text(k.prob_target()) : "", 13) << "\n";
  }
}

// Each constraint's figure at the recommended split against its limit.
void print_constraints(std::ostringstream& out, const v1::Candidate& best, const v1::Scenario& scenario) {
  if (scenario.constraints_size() == 0) return;
  out << "\nConstraints at this split:\n";
  for (int i = 0; i < scenario.constraints_size(); ++i) {
    const KpiLimit limit = resolve_constraint(scenario.constraints(i), i);
    const v1::ConstraintFigure* figure = nullptr;
    for (const auto& k : best.kpis()) {
      for (const auto& f : k.constraint_figures()) {
        if (k.kpi() == limit.kpi && static_cast<int>(f.constraint()) == i) figure = &f;
      }
    }
    out << "  " << pad(constraint_words(limit), 40, false);
    if (!figure) {
      out << "\n";
      continue;
    }
    if (limit.probability) {
      out << "share " << fmt("%.3g", figure->value()) << "; " << kpi_name(limit.kpi) << " "
          << (limit.at_least ? "at least " : "at most ") << readable_number(figure->steering()) << " in "
          << percent_text(*limit.probability) << " of trials\n";
    } else {
      out << readable_number(figure->value()) << "\n";
    }
  }
}

// What the marginal-return table measures: the change in a ratio or a cost is not an amount bought.
std::string marginal_words(v1::Kpi kpi) {
  if (ratio_parts(kpi).is_ratio() || lower_is_better(kpi)) return "change in " + kpi_name(kpi);
  return kpi_name(kpi);
}

double kpi_mean(const v1::Candidate& candidate, v1::Kpi kpi) {
  for (const auto& k : candidate.kpis())
    if (k.kpi() == kpi) return k.mean();
  return 0.0;
}

// What the money pays for, and the team's hours by role against what each role can work, per period (the
// mean over trials), naming the role that binds (recorded in the results: run/team_use.hpp).
void print_costs_and_team(std::ostringstream& out, const v1::Candidate& best, const v1::Recommendation& rec,
                          const v1::Scenario& scenario) {
  const std::string currency = " " + scenario.budget().currency();
  const double paid = kpi_mean(best, v1::PAID_SPEND), organic = kpi_mean(best, v1::ORGANIC_COST);
  const bool media_only = scenario.budget().covers() == v1::Budget::MEDIA_ONLY;
  if (organic > 0.0) {
    out << "  Costs: paid media " << readable_number(paid) << currency << " + "
        << (media_only ? "team (paid outside the media budget) " : "organic effort ")
        << readable_number(organic) << currency << " = " << readable_number(paid + organic) << currency
        << " all-in; cpa, cpc and roas count all of it, media cpa, media cpc and media roas paid media "
           "only\n";
  }
  const auto& use = rec.team_use();
  if (use.roles_size() == 0) return;
  out << "  Team by role, hours per period (mean over trials):\n";
  for (const auto& role : use.roles()) {
    std::string does;
    for (const auto& activity : role.activities()) does += (does.empty() ? "" : ", ") + activity;
    out << "    " << pad(role.role(), 24, false) << pad(readable_number(role.hours_per_period()), 8) << " of "
        << pad(readable_number(role.capacity_per_period()), 8, false) << " " << does << "\n";
  }
  std::string binding;
  for (const auto& role : use.binding_roles()) binding += (binding.empty() ? "" : " and ") + role;
  if (binding.empty()) return;
  const bool short_of_hours = use.unmet_hours_per_period() > 0.0;
  out << (short_of_hours ? "  Short of hours: " : "  Binding role: ") << binding << " (the plan needs "
      << percent_text(use.binding_load()) << " of their hours"
      << (short_of_hours ? ": not staffable as written)" : ")");
  if (use.shortfall_hours() > 0.0) {
    out << "; hours unmet over the horizon, mean over trials: " << readable_number(use.shortfall_hours());
  }
  out << "\n";
}

// Where each channel's parameters come from, so that nobody mistakes an assumption for a measurement.
void print_channel_basis(std::ostringstream& out, const v1::RunMetadata& meta) {
  if (meta.channel_basis_size() == 0) return;
  out << "  Where the parameters come from:\n";
  for (const auto& basis : meta.channel_basis()) {
    out << "  " << pad(basis.channel(), 20, false);
    if (basis.calibrated()) {
      out << "calibrated to the account's data, " << basis.first_date() << " to " << basis.last_date() << " ("
          << basis.calibration_file() << ")\n";
      continue;
    }
    std::string set;
    for (const auto& name : basis.scenario_parameters()) set += (set.empty() ? "" : ", ") + name;
    out << "not calibrated: benchmark defaults" << (set.empty() ? "" : ", and the scenario's own " + set)
        << "\n";
  }
}

// Today's plan beside the recommendation (both on the comparison trials), the gain with its interval, and
// the bounds today's plan breaks.
void print_current_plan(std::ostringstream& out, const v1::Recommendation& rec) {
  if (!rec.has_baseline()) return;
  const auto& b = rec.baseline();
  const std::string what = kpi_name(rec.objective().kpi());
  out << "\nToday's plan against the recommendation (both on the same new trials):\n";
  out << "  " << pad("channel", 20, false) << pad("paid today", 14) << pad("recommended", 14)
      << pad("change", 14) << pad("posts/wk today", 16) << pad("recommended", 14) << "\n";
  for (const auto& c : b.channels()) {
    const double change = c.recommended_paid() - c.current_paid();
    out << "  " << pad(c.channel(), 20, false) << pad(readable_number(c.current_paid()), 14)
        << pad(readable_number(c.recommended_paid()), 14)
        << pad((change > 0 ? "+" : "") + readable_number(change), 14)
        << pad(fmt("%.1f", c.current_posts_per_week()), 16)
        << pad(fmt("%.1f", c.recommended_posts_per_week()), 14) << "\n";
  }
  const auto& g = b.gain();
  out << "  " << what << " (objective figure): today " << readable_number(b.objective_value())
      << ", recommended " << readable_number(b.recommended_objective_value())
      << "; trial by trial the recommendation gives " << (g.mean_difference() > 0 ? "+" : "")
      << readable_number(g.mean_difference()) << " " << what << " (95% interval "
      << readable_number(g.ci_low()) << " to " << readable_number(g.ci_high()) << ") and does better in "
      << percent_text(g.prob_better()) << " of trials\n";
  if (b.outside_bounds_size() > 0) {
    out << "  Today's plan breaks the scenario's bounds or differs from what was written (simulated all the "
           "same):\n";
    for (const auto& line : b.outside_bounds()) out << "    " << line << "\n";
  }
}

// The inputs that decide between the recommendation and its runner-up, and the cautions.
void print_why(std::ostringstream& out, const v1::Recommendation& rec) {
  if (rec.drivers_size() > 0) {
    out << "\nWhat decides it (rank correlation of each drawn input with the recommendation's edge over the "
           "runner-up, trial by trial):\n";
    for (const auto& d : rec.drivers()) {
      out << "  " << pad(d.channel() + " " + d.parameter(), 32, false)
          << pad(fmt("%+.2f", d.rank_correlation()), 8) << "  "
          << (d.source() == "default"    ? "plugin default (benchmark assumption)"
              : d.source() == "scenario" ? "the scenario's figure"
                                         : "calibrated")
          << "\n";
    }
  }
  for (const auto& w : rec.warnings()) out << "Warning: " << w << "\n";
}

}  // namespace

std::string format_table(const v1::Results& results, int top) {
  return format_table(
      results,
      CandidateMessages(results.candidates(), resolve_objective(results.recommendation().objective())), top);
}

std::string format_table(const v1::Results& results, const CandidateSource& candidates, int top) {
  const int count = static_cast<int>(candidates.size());
  std::ostringstream out;
  const auto& meta = results.metadata();
  const auto& scenario = meta.scenario();
  const std::string currency = scenario.budget().currency();
  out << "Scenario: " << (scenario.name().empty() ? meta.scenario_file() : scenario.name()) << "\n";
  out << "Budget " << readable_number(scenario.budget().total()) << " " << currency << " over "
      << scenario.horizon().periods() << " periods of " << fmt("%g", scenario.horizon().period_days())
      << " days; " << meta.trials() << " trials, seed " << meta.seed() << ", ";
  if (results.recommendation().strategy() == "optimize") {
    out << "optimized: " << count << " finalists of " << results.recommendation().evaluations()
        << " candidates simulated\n";
  } else {
    out << count << " candidate splits\n";
  }
  if (!results.has_recommendation() || count == 0) return out.str();

  const auto& rec = results.recommendation();
  // Files are checked on reading (check_results); this guards results built in memory.
  if (rec.candidate_index() >= static_cast<std::uint32_t>(count))
    throw std::logic_error("recommendation.candidate_index is out of range");
  const auto best = candidates.at(rec.candidate_index());
  const auto& alloc = best.allocation();
  out << "\nRecommended split (candidate #" << best.index()
      << "): " << percent_text(1.0 - alloc.organic_share()) << " paid ("
      << readable_number(alloc.paid_budget()) << " " << currency << "), "
      << percent_text(alloc.organic_share()) << " organic (" << readable_number(alloc.organic_budget()) << " "
      << currency << ")\n";
  out << "  " << pad("channel", 20, false) << pad("paid", 14) << pad("organic", 14) << pad("posts/period", 14)
      << "\n";
  for (const auto& c : alloc.channels()) {
    out << "  " << pad(c.channel(), 20, false) << pad(readable_number(c.paid_budget()), 14)
        << pad(readable_number(c.organic_budget()), 14) << pad(fmt("%.1f", c.posts_per_period()), 14) << "\n";
  }
  if (alloc.team_capacity_hours() > 0.0) {
    out << "  Team: the plan needs " << readable_number(alloc.planned_team_hours())
        << " hours for posts, campaigns and strategy "
        << "(plus community work, in team hours below) of " << readable_number(alloc.team_capacity_hours())
        << " available over the horizon\n";
  }
  print_costs_and_team(out, best, rec, scenario);
  if (alloc.budget_spent_share() > 0.0 && alloc.budget_spent_share() < 0.9999) {
    out << "  Spends " << percent_text(alloc.budget_spent_share()) << " of the budget: more would not pay\n";
  }
  if (scenario.horizon().pacing().shape() != v1::Pacing::EVEN ||
      scenario.horizon().pacing().optimize_segments() > 0) {
    out << "  Paid pacing, share per period:";
    for (double share : alloc.paid_pacing()) out << " " << percent_text(share);
    out << "\n";
  }
  print_channel_basis(out, meta);
  out << "\n";
  print_kpi_table(out, best.kpis(), scenario);
  print_constraints(out, best, scenario);
  out << "\n" << rec.explanation() << "\n";
  print_current_plan(out, rec);
  print_why(out, rec);
  if (!rec.strategy().empty()) {
    out << "Search: " << rec.strategy() << ", " << rec.evaluations() << " candidates simulated"
        << (rec.fresh_trials() ? "; the figures above come from fresh trials the search never saw" : "")
        << "\n";
  }

  if (rec.marginal_returns_size() > 0) {
    out << "\nMarginal return at this split: " << marginal_words(rec.objective().kpi()) << " per 1,000 "
        << currency << " more (measured over " << readable_number(rec.marginal_step()) << ")\n";
    out << "  " << pad("channel", 20, false) << pad("paid", 14) << pad("organic", 14) << "\n";
    for (const auto& m : rec.marginal_returns()) {
      out << "  " << pad(m.channel(), 20, false) << pad(readable_number(m.paid()), 14)
          << pad(m.organic_possible() ? readable_number(m.organic()) : "-", 14) << "\n";
    }
  }
  if (rec.frontier_size() > 0) {
    out << "\nEfficient frontier: the optimum at other budgets (" << kpi_name(rec.objective().kpi()) << ")\n";
    out << "  " << pad("budget", 14) << pad("mean", 14) << pad("P5", 14) << pad("P50", 14) << pad("P95", 14)
        << pad("organic", 9) << "  largest paid channel\n";
    for (const auto& point : rec.frontier()) {
      const v1::ChannelAllocation* largest = nullptr;
      for (const auto& c : point.allocation().channels()) {
        if (!largest || c.paid_budget() > largest->paid_budget()) largest = &c;
      }
      out << "  " << pad(readable_number(point.budget()), 14) << pad(readable_number(point.kpi().mean()), 14)
          << pad(readable_number(point.kpi().p5()), 14) << pad(readable_number(point.kpi().p50()), 14)
          << pad(readable_number(point.kpi().p95()), 14)
          << pad(percent_text(point.allocation().organic_share()), 9) << "  "
          << (largest ? largest->channel() + " " + readable_number(largest->paid_budget()) : "") << "\n";
    }
  }

  // The best candidates by the objective, so the specialist sees how flat or sharp the optimum is.
  // Best first in the objective's own direction (lowest first for costs); candidates breaking a constraint
  // last.
  const auto order = ranked_positions(candidates, resolve_objective(rec.objective()));
  const int shown = std::min<int>(top, count);
  const std::string objective =
      v1::Statistic_Name(rec.objective().statistic()) + " " + kpi_name(rec.objective().kpi());
  out << "\nTop " << shown << " of " << count << " candidates by " << objective << ":\n";
  out << "  " << pad("#", 6) << pad("organic", 9);
  // Each channel's share of the paid budget / of the organic budget.
  for (const auto& c : alloc.channels()) out << pad(c.channel().substr(0, 12) + " paid/org", 22);
  out << pad("objective", 14) << pad("P5", 14) << pad("P95", 14) << "\n";
  for (int rank = 0; rank < shown; ++rank) {
    const auto candidate = candidates.at(static_cast<std::size_t>(order[static_cast<std::size_t>(rank)]));
    const auto* kpi = &v1::KpiSummary::default_instance();
    for (const auto& k : candidate.kpis()) {
      if (k.kpi() == rec.objective().kpi()) kpi = &k;
    }
    out << "  " << pad(std::to_string(candidate.index()), 6)
        << pad(percent_text(candidate.allocation().organic_share()), 9);
    for (const auto& c : candidate.allocation().channels()) {
      out << pad(percent_text(c.paid_share()) + " / " + percent_text(c.organic_share()), 22);
    }
    out << pad(readable_number(candidate.objective_value()), 14) << pad(readable_number(kpi->p5()), 14)
        << pad(readable_number(kpi->p95()), 14)
        << (candidate.infeasible().empty() ? "" : "  breaks a constraint") << "\n";
  }
  if (shown < count) {
    out << "  (" << count - shown << " more: --format csv lists every candidate)\n";
  }
  return out.str();
}

}  // namespace splitsim
