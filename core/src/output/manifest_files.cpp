#include "output/manifest_files.hpp"

#include <sstream>

#include "base/csv.hpp"
#include "base/deterministic_bytes.hpp"
#include "base/json_text.hpp"
#include "output/atomic_file.hpp"

namespace splitsim {

void write_manifest_files(const std::filesystem::path& folder, const v1::BatchManifest& manifest) {
  write_file_atomically(folder / kManifestName, deterministic_bytes(manifest));
  write_file_atomically(folder / kManifestJsonName, json_text(manifest));
  write_file_atomically(folder / kManifestCsvName, manifest_csv(manifest));
}

std::string manifest_csv(const v1::BatchManifest& manifest) {
  std::ostringstream out;
  out.precision(17);
  out << "scenario_file,status,output_file,kpi,statistic,objective_value,mean,p5,p95,organic_share,reused,"
         "message\n";
  for (const auto& run : manifest.runs()) {
    const auto& h = run.headline();
    out << csv_field(run.scenario_file()) << "," << v1::RunStatus_Name(run.status()) << ","
        << csv_field(run.output_file()) << "," << h.kpi() << "," << h.statistic() << ",";
    if (run.status() == v1::OK)
      out << h.objective_value() << "," << h.mean() << "," << h.p5() << "," << h.p95() << ","
          << h.organic_share();
    else
      out << ",,,,";
    out << "," << (run.reused() ? 1 : 0) << "," << csv_field(run.message()) << "\n";
  }
  return out.str();
}

v1::Headline headline_of(const v1::Results& results) {
  v1::Headline headline;
  if (!results.has_recommendation() || results.candidates_size() == 0) return headline;
  const auto& rec = results.recommendation();
  const auto& best = results.candidates(static_cast<int>(rec.candidate_index()));
  headline.set_candidate_index(rec.candidate_index());
  headline.set_kpi(v1::Kpi_Name(rec.objective().kpi()));
  headline.set_statistic(v1::Statistic_Name(rec.objective().statistic()));
  headline.set_objective_value(rec.objective_value());
  headline.set_organic_share(best.allocation().organic_share());
  for (const auto& k : best.kpis()) {
    if (k.kpi() != rec.objective().kpi()) continue;
    headline.set_mean(k.mean());
    headline.set_p5(k.p5());
    headline.set_p95(k.p95());
  }
  return headline;
}

}  // namespace splitsim
