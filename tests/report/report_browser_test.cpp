// The report opened in a real browser (Debian's chromium, headless): every chart drawn as a non-empty SVG,
// no console message and no failed request, and a screenshot kept as an artefact. The same for a page
// with every section (today's plan, frontier, team) and one with the fewest (a grid without today's plan).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <regex>

#include "report_support.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

fs::path chromium() {
  if (const char* given = std::getenv("SPLITSIM_CHROMIUM")) return given;
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (fs::exists(path)) return path;
  }
  return {};
}

struct BrowserRun {
  int exit_code = -1;
  std::string out;  // the DOM after the page's scripts ran
  std::string err;  // Chromium's log: console messages and network errors
};

std::string quoted(const std::string& text) {
  std::string q = "'";
  for (const char c : text) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Headless Chromium on a local file, with nothing reaching the network: `what` is --dump-dom or
// --screenshot=FILE.
BrowserRun open_in_chromium(const fs::path& page, const std::string& what) {
  const auto dir = testing::temp_dir();
  const auto out = dir / "out.txt", err = dir / "err.txt";
  const std::string command =
      quoted(chromium().string()) +
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
      " --disable-component-update --disable-sync --disable-extensions --enable-logging=stderr --v=0"
      " --virtual-time-budget=20000 --window-size=1280,6000 --user-data-dir=" +
      quoted((dir / "profile").string()) + " " + what + " " + quoted("file://" + page.string()) + " > " +
      quoted(out.string()) + " 2> " + quoted(err.string());
  BrowserRun run;
  const int status = std::system(command.c_str());
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = testing::read_text(out);
  run.err = testing::read_text(err);
  return run;
}

// Console messages and failed loads in Chromium's log (its own start-up noise is not the page's).
std::vector<std::string> page_problems(const std::string& log) {
  std::vector<std::string> problems;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("CONSOLE") != std::string::npos || line.find("net::ERR_") != std::string::npos ||
        line.find("Failed to load") != std::string::npos)
      problems.push_back(line);
  }
  return problems;
}

void expect_every_chart_drawn(const fs::path& report, const std::string& artefact) {
  ASSERT_FALSE(chromium().empty()) << "the browser tests need Debian's chromium: run "
                                      "`SPLITSIM_BROWSER_TESTS=1 bash scripts/install-deps.sh` "
                                      "(scripts/test.sh does), or `apt-get install chromium`, or set "
                                      "SPLITSIM_CHROMIUM to a Chromium binary";
  ASSERT_TRUE(fs::exists(report));
  const auto page = testing::read_text(report);
  const int charts = std::stoi(testing::body_attribute(page, "data-charts"));
  ASSERT_GT(charts, 0);

  const auto dom = open_in_chromium(report, "--dump-dom");
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  EXPECT_EQ(testing::body_attribute(dom.out, "data-charts-rendered"), std::to_string(charts))
      << "not every chart was drawn; errors: " << testing::body_attribute(dom.out, "data-chart-errors");
  EXPECT_EQ(testing::body_attribute(dom.out, "data-chart-errors"), "");
  for (const auto& problem : page_problems(dom.err)) ADD_FAILURE() << "browser: " << problem;
  for (int i = 1; i <= charts; ++i) {
    const auto at = dom.out.find("id=\"chart-" + std::to_string(i) + "\"");
    ASSERT_NE(at, std::string::npos) << "chart " << i;
    const auto figure = dom.out.substr(at, dom.out.find("</figure>", at) - at);
    // An SVG with marks that draw something: a path or rectangle with geometry, and text.
    EXPECT_NE(figure.find("<svg"), std::string::npos) << "chart " << i << " has no SVG";
    EXPECT_TRUE(std::regex_search(figure, std::regex("<path[^>]* d=\"M[^\"]+\"")))
        << "chart " << i << " is empty";
    EXPECT_NE(figure.find("<text"), std::string::npos) << "chart " << i << " has no axis labels";
  }

  fs::create_directories(SPLITSIM_REPORT_ARTEFACTS);
  const fs::path screenshot = fs::path(SPLITSIM_REPORT_ARTEFACTS) / (artefact + ".png");
  fs::remove(screenshot);
  const auto shot = open_in_chromium(report, "--screenshot=" + quoted(screenshot.string()));
  EXPECT_EQ(shot.exit_code, 0) << shot.err;
  ASSERT_TRUE(fs::exists(screenshot)) << shot.err;
  EXPECT_GT(fs::file_size(screenshot), 10'000u) << "a blank page?";
  fs::copy_file(report, fs::path(SPLITSIM_REPORT_ARTEFACTS) / (artefact + ".html"),
                fs::copy_options::overwrite_existing);
}

TEST(ReportInBrowser, EverySectionOfAnOptimizedPlanAgainstTodaysPlanIsDrawn) {
  const auto run = testing::run_with_report("media_only_current_plan.textproto", {"--search", "optimize"});
  expect_every_chart_drawn(run.report, "media_only_current_plan_optimize");
  const auto page = testing::read_text(run.report);
  for (const char* section :
       {"split", "distribution", "response", "frontier", "marginal", "weekly", "team", "metadata"}) {
    EXPECT_NE(page.find("id=\"" + std::string(section) + "\""), std::string::npos) << section;
  }
}

TEST(ReportInBrowser, AGridAgainstItsRunnerUpIsDrawn) {
  const auto run = testing::run_with_report("small_business.textproto");
  expect_every_chart_drawn(run.report, "small_business_grid");
}

TEST(ReportInBrowser, ACalibratedRunsPriorsPosteriorsAndPredictiveChecksAreDrawn) {
  const auto run = testing::calibrated_run_with_report();
  expect_every_chart_drawn(run.report, "calibrated_account");
  EXPECT_NE(testing::read_text(run.report).find("id=\"calibration\""), std::string::npos);
}

TEST(ReportInBrowser, ABatchIndexOpensWithoutErrorsAndItsReportsDrawEveryChart) {
  ASSERT_FALSE(chromium().empty()) << "the browser tests need Debian's chromium: apt-get install chromium";
  const auto out = testing::temp_dir() / "out";
  fs::create_directories(out);
  const auto r =
      testing::run_splitsim({"batch", (testing::source_dir() / "scenarios/solo_creator.textproto").string(),
                             (testing::source_dir() / "scenarios/b2b_linkedin.textproto").string(), "-o",
                             out.string(), "--trials", "24", "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto index = out / "index.html";
  // The index's own charts (each scenario's split), then each report it links to, opened as a reader
  // following the link would.
  expect_every_chart_drawn(index, "batch_index");
  EXPECT_NE(testing::read_text(index).find("solo_creator.textproto"), std::string::npos);
  expect_every_chart_drawn(out / "solo_creator.html", "batch_solo_creator");
}

}  // namespace
}  // namespace splitsim
