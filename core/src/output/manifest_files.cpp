#include "output/manifest_files.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "base/csv.hpp"
#include "base/deterministic_bytes.hpp"
#include "base/json_text.hpp"
#include "output/atomic_file.hpp"

namespace splitsim {
namespace {

// Money to the cent, as a sheet shows it.
std::string money_text(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

}  // namespace

void write_manifest_files(const std::filesystem::path& folder, const v1::BatchManifest& manifest) {
  write_file_atomically(folder / kManifestName, deterministic_bytes(manifest));
  write_file_atomically(folder / kManifestJsonName, json_text(manifest));
  write_file_atomically(folder / kManifestCsvName, manifest_csv(manifest));
}

std::string manifest_csv(const v1::BatchManifest& manifest) {
  std::ostringstream out;
  out.precision(17);
  // Columns are only ever added at the end, so that a sheet reading an older manifest still finds its own.
  out << "scenario_file,status,output_file,kpi,statistic,objective_value,mean,p5,p95,organic_share,reused,"
         "message,scenario_name,budget,currency,paid_by_channel,organic_by_channel,all_in_cpa\n";
  for (const auto& run : manifest.runs()) {
    const auto& h = run.headline();
    out << csv_field(run.scenario_file()) << "," << v1::RunStatus_Name(run.status()) << ","
        << csv_field(run.output_file()) << "," << h.kpi() << "," << h.statistic() << ",";
    if (run.status() == v1::OK)
      out << h.objective_value() << "," << h.mean() << "," << h.p5() << "," << h.p95() << ","
          << h.organic_share();
    else
      out << ",,,,";
    out << "," << (run.reused() ? 1 : 0) << "," << csv_field(run.message()) << ",";
    if (run.status() == v1::OK) {
      // The split as "channel:money" pairs, one field per side: a manifest mixes scenarios of other channels.
      std::string paid, organic;
      for (const auto& c : h.channels()) {
        paid += (paid.empty() ? "" : ";") + c.channel() + ":" + money_text(c.paid());
        organic += (organic.empty() ? "" : ";") + c.channel() + ":" + money_text(c.organic());
      }
      out << csv_field(h.scenario_name()) << "," << money_text(h.budget()) << "," << csv_field(h.currency())
          << "," << csv_field(paid) << "," << csv_field(organic) << ",";
      if (h.has_all_in_cpa()) out << money_text(h.all_in_cpa());
    } else {
      out << ",,,,,";
    }
    out << "\n";
  }
  return out.str();
}

v1::Headline headline_of(const v1::Results& results) {
  return headline_of(results, CandidateMessages(results.candidates(), {}));
}

v1::Headline headline_of(const v1::Results& results, const CandidateSource& candidates) {
  v1::Headline headline;
  if (!results.has_recommendation() || candidates.size() == 0) return headline;
  const auto& rec = results.recommendation();
  const auto best = candidates.at(rec.candidate_index());
  headline.set_candidate_index(rec.candidate_index());
  headline.set_kpi(v1::Kpi_Name(rec.objective().kpi()));
  headline.set_statistic(v1::Statistic_Name(rec.objective().statistic()));
  headline.set_objective_value(rec.objective_value());
  headline.set_organic_share(best.allocation().organic_share());
  const auto& scenario = results.metadata().scenario();
  headline.set_scenario_name(scenario.name());
  headline.set_budget(scenario.budget().total());
  headline.set_currency(scenario.budget().currency().empty() ? "USD" : scenario.budget().currency());
  for (const auto& c : best.allocation().channels()) {
    auto* split = headline.add_channels();
    split->set_channel(c.channel());
    split->set_paid(c.paid_budget());
    split->set_organic(c.organic_budget());
  }
  for (const auto& k : best.kpis()) {
    // CPA's headline is the ratio of expected totals, as practitioners read a plan's CPA.
    if (k.kpi() == v1::CPA && k.has_ratio_of_means() && std::isfinite(k.ratio_of_means()))
      headline.set_all_in_cpa(k.ratio_of_means());
    if (k.kpi() != rec.objective().kpi()) continue;
    headline.set_mean(k.mean());
    headline.set_p5(k.p5());
    headline.set_p95(k.p95());
  }
  return headline;
}

}  // namespace splitsim
