// What the report tests share: a run with a report, and the pieces of a page they read.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "results.pb.h"

namespace splitsim::testing {

struct ReportRun {
  std::filesystem::path results;  // the .pb
  std::filesystem::path report;   // the .html written by `run --report`
  v1::Results loaded;
};

// Runs scenarios/`scenario` with few trials (24, as the golden results: every example keeps its constraints)
// (and `extra` options), writing results and a report.
ReportRun run_with_report(const std::string& scenario, const std::vector<std::string>& extra = {});

// The bundled calibrated example, calibrated (with few particles) to its bundled exports, then run with that
// calibration and a report.
ReportRun calibrated_run_with_report();

std::string read_text(const std::filesystem::path& path);

// The text of the page's element <script ... id="`id`">...</script>.
std::string script_by_id(const std::string& page, const std::string& id);

// The value of attribute `name` on the page's <body>, empty when absent.
std::string body_attribute(const std::string& page, const std::string& name);

}  // namespace splitsim::testing
