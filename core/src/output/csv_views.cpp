#include "output/csv_views.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "base/csv.hpp"
#include "base/errors.hpp"
#include "output/atomic_file.hpp"
#include "output/long_csv_view.hpp"
#include "scenario/resolve.hpp"
#include "search/ranking.hpp"

namespace splitsim {
namespace {

// Rounded as a reader needs it; empty when not finite (a CPA with no conversion).
std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);  // no "-0.00"
  return text;
}
std::string money(double value) { return fixed(value, 2); }
std::string share(double value) { return fixed(value, 4); }
std::string figure(double value) {
  if (!std::isfinite(value)) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

struct Context {
  const v1::Results& results;
  const CandidateSource& candidates;
  std::string currency;
  double period_days = 7.0;
  std::string kpi;  // the objective's KPI
};

Context context_of(const v1::Results& results, const CandidateSource& candidates) {
  const auto& scenario = results.metadata().scenario();
  Context c{results, candidates, scenario.budget().currency().empty() ? "USD" : scenario.budget().currency(),
            scenario.horizon().period_days() > 0 ? scenario.horizon().period_days() : 7.0,
            v1::Kpi_Name(results.recommendation().objective().kpi())};
  return c;
}

std::optional<v1::Candidate> recommended(const Context& c) {
  if (!c.results.has_recommendation()) return std::nullopt;
  const std::size_t index = c.results.recommendation().candidate_index();
  if (index >= c.candidates.size()) return std::nullopt;
  return c.candidates.at(index);
}

const v1::KpiSummary* kpi_of(const google::protobuf::RepeatedPtrField<v1::KpiSummary>& kpis, v1::Kpi kpi) {
  for (const auto& k : kpis) {
    if (k.kpi() == kpi) return &k;
  }
  return nullptr;
}

std::string per_week(double per_period, double period_days) {
  return fixed(per_period * 7.0 / period_days, 2);
}

// One row per channel: the recommended plan, beside today's plan when the scenario gives one.
void plan_view(std::ostream& out, const Context& c) {
  out << "channel,paid,organic,posts_per_week,paid_share,organic_share,current_paid,current_posts_per_week,"
         "currency\n";
  const auto best = recommended(c);
  if (!best) return;
  const auto& baseline = c.results.recommendation().baseline();
  for (int i = 0; i < best->allocation().channels_size(); ++i) {
    const auto& ch = best->allocation().channels(i);
    out << csv_field(ch.channel()) << "," << money(ch.paid_budget()) << "," << money(ch.organic_budget())
        << "," << per_week(ch.posts_per_period(), c.period_days) << "," << share(ch.paid_share()) << ","
        << share(ch.organic_share()) << ",";
    if (i < baseline.channels_size()) {
      out << money(baseline.channels(i).current_paid()) << ","
          << fixed(baseline.channels(i).current_posts_per_week(), 2);
    } else {
      out << ",";
    }
    out << "," << c.currency << "\n";
  }
}

// One row per period and channel: the recommended plan's paid spend as its pacing spreads it, and posts.
void weekly_view(std::ostream& out, const Context& c) {
  out << "period,channel,paid_spend,posts,currency\n";
  const auto best = recommended(c);
  if (!best) return;
  const auto& allocation = best->allocation();
  for (int t = 0; t < allocation.paid_pacing_size(); ++t) {
    for (const auto& ch : allocation.channels()) {
      out << t + 1 << "," << csv_field(ch.channel()) << ","
          << money(ch.paid_budget() * allocation.paid_pacing(t)) << "," << fixed(ch.posts_per_period(), 2)
          << "," << c.currency << "\n";
    }
  }
}

// One row per candidate, best first: its rank, split, objective figure and the objective KPI's spread, and
// each channel's paid and organic money in columns of their own.
void candidates_view(std::ostream& out, const Context& c, std::optional<int> limit) {
  const auto& results = c.results;
  const auto& candidates = c.candidates;
  out << "rank,candidate,recommended,feasible,objective_value,organic_share,"
      << "mean,p5,p50,p95,prob_target";
  const auto first = candidates.size() > 0 ? std::optional(candidates.at(0)) : std::nullopt;
  if (first) {
    for (const auto& ch : first->allocation().channels()) out << "," << csv_field("paid_" + ch.channel());
    for (const auto& ch : first->allocation().channels()) out << "," << csv_field("organic_" + ch.channel());
  }
  out << ",currency\n";
  if (!results.has_recommendation()) return;
  const auto objective = resolve_objective(results.recommendation().objective());
  const auto order = ranked_positions(candidates, objective);
  const int shown =
      limit ? std::min<int>(*limit, static_cast<int>(order.size())) : static_cast<int>(order.size());
  const int best = static_cast<int>(results.recommendation().candidate_index());
  std::ostringstream rows;
  for (int rank = 0; rank < shown; ++rank) {
    const auto cand = candidates.at(static_cast<std::size_t>(order[static_cast<std::size_t>(rank)]));
    const auto* k = kpi_of(cand.kpis(), results.recommendation().objective().kpi());
    rows << rank + 1 << "," << cand.index() << "," << (static_cast<int>(cand.index()) == best ? 1 : 0) << ","
         << (cand.infeasible().empty() ? 1 : 0) << "," << figure(cand.objective_value()) << ","
         << share(cand.allocation().organic_share()) << ",";
    if (k) {
      rows << figure(k->mean()) << "," << figure(k->p5()) << "," << figure(k->p50()) << ","
           << figure(k->p95()) << "," << (k->has_prob_target() ? share(k->prob_target()) : "");
    } else {
      rows << ",,,,";
    }
    for (const auto& ch : cand.allocation().channels()) rows << "," << money(ch.paid_budget());
    for (const auto& ch : cand.allocation().channels()) rows << "," << money(ch.organic_budget());
    rows << "," << c.currency << "\n";
    if (rank % 256 == 255) {  // written as made: memory stays small whatever the grid
      out << rows.view();
      rows.str("");
    }
  }
  out << rows.view();
}

// One row per total budget of the efficient frontier (optimize).
void frontier_view(std::ostream& out, const Context& c) {
  out << "budget,objective_value,kpi,mean,p5,p50,p95,organic_share,converged,currency\n";
  for (const auto& p : c.results.recommendation().frontier()) {
    out << money(p.budget()) << "," << figure(p.objective_value()) << "," << c.kpi << ","
        << figure(p.kpi().mean()) << "," << figure(p.kpi().p5()) << "," << figure(p.kpi().p50()) << ","
        << figure(p.kpi().p95()) << "," << share(p.allocation().organic_share()) << ","
        << (p.converged() ? 1 : 0) << "," << c.currency << "\n";
  }
}

// One row per channel: what the next 1,000 of money buys on each side.
void marginal_view(std::ostream& out, const Context& c) {
  out << "channel,kpi,paid_per_1000,organic_per_1000,organic_possible,currency\n";
  for (const auto& m : c.results.recommendation().marginal_returns()) {
    out << csv_field(m.channel()) << "," << c.kpi << "," << figure(m.paid()) << ","
        << (m.organic_possible() ? figure(m.organic()) : "") << "," << (m.organic_possible() ? 1 : 0) << ","
        << c.currency << "\n";
  }
}

// One row per plan the recommendation is compared with: today's plan, then the runner-ups.
void comparison_view(std::ostream& out, const Context& c) {
  out << "against,candidate,kpi,mean_difference,ci_low,ci_high,prob_better,statistic,statistic_difference,"
         "statistic_ci_low,statistic_ci_high\n";
  const auto row = [&](const std::string& against, const v1::Comparison& cmp, bool candidate) {
    out << against << "," << (candidate ? std::to_string(cmp.candidate_index()) : "") << "," << c.kpi << ","
        << figure(cmp.mean_difference()) << "," << figure(cmp.ci_low()) << "," << figure(cmp.ci_high()) << ","
        << share(cmp.prob_better()) << "," << v1::Statistic_Name(cmp.statistic()) << ","
        << figure(cmp.statistic_difference()) << "," << figure(cmp.statistic_ci_low()) << ","
        << figure(cmp.statistic_ci_high()) << "\n";
  };
  const auto& rec = c.results.recommendation();
  if (rec.has_baseline()) row("current_plan", rec.baseline().gain(), false);
  for (const auto& r : rec.runner_ups()) row("runner_up", r, true);
}

}  // namespace

const std::vector<CsvView>& tidy_csv_views() {
  static const std::vector<CsvView> views{CsvView::kPlan,     CsvView::kWeekly,   CsvView::kCandidates,
                                          CsvView::kFrontier, CsvView::kMarginal, CsvView::kComparison};
  return views;
}

std::string csv_view_name(CsvView view) {
  switch (view) {
    case CsvView::kPlan:
      return "plan";
    case CsvView::kWeekly:
      return "weekly";
    case CsvView::kCandidates:
      return "candidates";
    case CsvView::kFrontier:
      return "frontier";
    case CsvView::kMarginal:
      return "marginal";
    case CsvView::kComparison:
      return "comparison";
    case CsvView::kLong:
      return "long";
  }
  return "plan";
}

CsvView parse_csv_view(const std::string& text) {
  for (const auto view : tidy_csv_views()) {
    if (csv_view_name(view) == text) return view;
  }
  if (text == "long") return CsvView::kLong;
  throw UsageError("unknown view '" + text +
                   "': use plan, weekly, candidates, frontier, marginal, comparison or long");
}

void write_csv_view(std::ostream& out, const v1::Results& results, CsvView view,
                    std::optional<int> candidates) {
  write_csv_view(
      out, results,
      CandidateMessages(results.candidates(), resolve_objective(results.recommendation().objective())), view,
      candidates);
}

void write_csv_view(std::ostream& out, const v1::Results& results, const CandidateSource& source,
                    CsvView view, std::optional<int> candidates) {
  const Context c = context_of(results, source);
  switch (view) {
    case CsvView::kPlan:
      plan_view(out, c);
      break;
    case CsvView::kWeekly:
      weekly_view(out, c);
      break;
    case CsvView::kCandidates:
      candidates_view(out, c, candidates);
      break;
    case CsvView::kFrontier:
      frontier_view(out, c);
      break;
    case CsvView::kMarginal:
      marginal_view(out, c);
      break;
    case CsvView::kComparison:
      comparison_view(out, c);
      break;
    case CsvView::kLong:
      write_long_csv(out, results, source);
      break;
  }
}

void write_csv_views(const std::filesystem::path& dir, const v1::Results& results,
                     std::optional<int> candidates) {
  // A set of views from one results file: never some views new and others from an earlier export.
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  for (const auto view : tidy_csv_views()) {
    std::ostringstream text;
    write_csv_view(text, results, view, candidates);
    files.emplace_back(dir / (csv_view_name(view) + ".csv"), std::move(text).str());
  }
  write_files_atomically(files);
}

}  // namespace splitsim
