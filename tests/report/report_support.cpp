#include "report_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "output/results_io.hpp"
#include "test_support.hpp"

namespace splitsim::testing {

ReportRun run_with_report(const std::string& scenario, const std::vector<std::string>& extra) {
  const auto dir = temp_dir();
  ReportRun run{dir / "results.pb", dir / "report.html", {}};
  std::vector<std::string> args{"run",      (source_dir() / "scenarios" / scenario).string(),
                                "--trials", "24",
                                "-o",       run.results.string(),
                                "--report", run.report.string(),
                                "--format", "table"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_splitsim(args);
  EXPECT_EQ(r.exit_code, 0) << scenario << ": " << r.err;
  if (r.exit_code == 0) run.loaded = load_results(run.results);
  return run;
}

ReportRun calibrated_run_with_report() {
  const auto calibration = temp_dir() / "account.pb";
  const auto r =
      run_splitsim({"calibrate", (source_dir() / "scenarios/calibrated_account.textproto").string(), "-o",
                    calibration.string(), "--particles", "200"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return run_with_report("calibrated_account.textproto", {"--calibration", calibration.string()});
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string script_by_id(const std::string& page, const std::string& id) {
  const auto at = page.find("id=\"" + id + "\">");
  if (at == std::string::npos) return "";
  const auto begin = page.find('>', at) + 1;
  return page.substr(begin, page.find("</script>", begin) - begin);
}

std::string body_attribute(const std::string& page, const std::string& name) {
  const auto body = page.find("<body");
  if (body == std::string::npos) return "";
  const auto end = page.find('>', body);
  const auto at = page.find(" " + name + "=\"", body);
  if (at == std::string::npos || at > end) return "";
  const auto begin = at + name.size() + 3;
  return page.substr(begin, page.find('"', begin) - begin);
}

}  // namespace splitsim::testing
