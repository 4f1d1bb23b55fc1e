#include "output/long_csv_view.hpp"

#include <sstream>

#include "base/csv.hpp"

namespace splitsim {

void write_long_csv(std::ostream& stream, const v1::Results& results) {
  write_long_csv(stream, results, CandidateMessages(results.candidates(), {}));
}

void write_long_csv(std::ostream& stream, const v1::Results& results, const CandidateSource& candidates) {
  // Rows go out a candidate at a time, never gathered whole: a large grid's table is several times the
  // results' own size. The stream's own settings are left as they were.
  std::ostringstream out;
  out.precision(17);
  const auto flush = [&] {
    stream << out.view();
    out.str("");
  };
  // One rectangular table: each row carries its scope's allocation, so it can be filtered and plotted alone.
  // For scope "total" the shares are of the whole budget; for a channel, of the paid and organic budgets.
  out << "candidate,recommended,scope,paid_share,organic_share,paid_budget,organic_budget,kpi,mean,sd,p5,p50,"
         "p95,"
         "cvar5,prob_target,objective_value,p10,infeasible,p90,ratio_of_means\n";
  const auto recommended =
      results.has_recommendation() ? static_cast<int>(results.recommendation().candidate_index()) : -1;
  auto rows = [&](const v1::Candidate& c, const std::string& scope, double paid_share, double organic_share,
                  double paid_budget, double organic_budget,
                  const google::protobuf::RepeatedPtrField<v1::KpiSummary>& kpis) {
    for (const auto& k : kpis) {
      out << c.index() << "," << (static_cast<int>(c.index()) == recommended ? 1 : 0) << "," << scope << ","
          << paid_share << "," << organic_share << "," << paid_budget << "," << organic_budget << ","
          << v1::Kpi_Name(k.kpi()) << "," << k.mean() << "," << k.sd() << "," << k.p5() << "," << k.p50()
          << "," << k.p95() << "," << k.cvar5() << ",";
      if (k.has_prob_target()) out << k.prob_target();
      out << "," << c.objective_value() << "," << k.p10() << "," << csv_field(c.infeasible()) << ","
          << k.p90() << ",";
      if (k.has_ratio_of_means()) out << k.ratio_of_means();
      out << "\n";
      // Each constraint's figure as a row of its own: the share within the limit (chance constraints) or
      // the statistic limited, in the mean column.
      for (const auto& f : k.constraint_figures()) {
        out << c.index() << "," << (static_cast<int>(c.index()) == recommended ? 1 : 0) << ",constraint_"
            << f.constraint() << ",,,,," << v1::Kpi_Name(k.kpi()) << "," << f.value() << ",,,,,,,,,,,\n";
      }
    }
  };
  for (std::size_t position = 0; position < candidates.size(); ++position) {
    const auto c = candidates.at(position);
    const auto& a = c.allocation();
    rows(c, "total", 1.0 - a.organic_share(), a.organic_share(), a.paid_budget(), a.organic_budget(),
         c.kpis());
    for (int i = 0; i < c.channels_size() && i < a.channels_size(); ++i) {
      const auto& ca = a.channels(i);
      rows(c, csv_field(c.channels(i).channel()), ca.paid_share(), ca.organic_share(), ca.paid_budget(),
           ca.organic_budget(), c.channels(i).kpis());
    }
    flush();
  }
  // The frontier and marginal returns as rows of the same table, told apart by the candidate column.
  if (results.has_recommendation()) {
    const auto& rec = results.recommendation();
    for (const auto& point : rec.frontier()) {
      const auto& a = point.allocation();
      const auto& k = point.kpi();
      out << "frontier,0,total," << 1.0 - a.organic_share() << "," << a.organic_share() << ","
          << a.paid_budget() << "," << a.organic_budget() << "," << v1::Kpi_Name(k.kpi()) << "," << k.mean()
          << "," << k.sd() << "," << k.p5() << "," << k.p50() << "," << k.p95() << "," << k.cvar5() << ",";
      if (k.has_prob_target()) out << k.prob_target();
      out << "," << point.objective_value() << "," << k.p10() << ",," << k.p90() << ",";
      if (k.has_ratio_of_means()) out << k.ratio_of_means();
      out << "\n";
    }
    // Today's plan per channel (mean = paid money today; objective_value = the recommended paid money).
    for (const auto& c : rec.baseline().channels()) {
      out << "baseline_paid,0," << csv_field(c.channel()) << ",,,,," << v1::Kpi_Name(rec.objective().kpi())
          << "," << c.current_paid() << ",,,,,,," << c.recommended_paid() << ",,,,\n";
    }
    // What decides the choice (kpi = the parameter, mean = its rank correlation, infeasible = its source).
    for (const auto& d : rec.drivers()) {
      out << "driver,0," << csv_field(d.channel()) << ",,,,," << csv_field(d.parameter()) << ","
          << d.rank_correlation() << ",,,,,,,,," << csv_field(d.source()) << ",,\n";
    }
    for (const auto& m : rec.marginal_returns()) {
      // mean = KPI gained per 1,000 more money on that side of the channel.
      out << "marginal_paid,0," << csv_field(m.channel()) << ",,,,," << v1::Kpi_Name(rec.objective().kpi())
          << "," << m.paid() << ",,,,,,,,,,,\n";
      if (m.organic_possible()) {
        out << "marginal_organic,0," << csv_field(m.channel()) << ",,,,,"
            << v1::Kpi_Name(rec.objective().kpi()) << "," << m.organic() << ",,,,,,,,,,,\n";
      }
    }
  }
  flush();
}

std::string format_long_csv(const v1::Results& results) {
  std::ostringstream out;
  write_long_csv(out, results);
  return out.str();
}

}  // namespace splitsim
