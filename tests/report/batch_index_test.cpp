// `splitsim batch --report`: each finished scenario's report beside its results, and index.html listing
// every scenario with its status and headline figures, linked to its report.
#include <gtest/gtest.h>

#include <regex>

#include "report_support.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

TEST(BatchReport, TheIndexListsEveryScenarioAndLinksEachFinishedOneToItsReport) {
  const auto dir = testing::temp_dir();
  const auto broken = testing::write_file(dir, "broken.textproto", "budget { total: -1 }\n");
  const auto out = dir / "out";
  fs::create_directories(out);
  const auto r =
      testing::run_splitsim({"batch", (testing::source_dir() / "scenarios/small_business.textproto").string(),
                             (testing::source_dir() / "scenarios/b2b_linkedin.textproto").string(),
                             broken.string(), "-o", out.string(), "--trials", "24", "--report"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // one scenario is invalid: the others still run and are reported
  ASSERT_TRUE(fs::exists(out / "index.html")) << r.err;
  const auto index = testing::read_text(out / "index.html");
  for (const char* name : {"small_business.textproto", "b2b_linkedin.textproto", "broken.textproto"}) {
    EXPECT_NE(index.find(name), std::string::npos) << name;
  }
  EXPECT_NE(index.find("invalid"), std::string::npos);
  const std::regex link("<a href=\"([^\"]+)\">report</a>");
  int links = 0;
  for (std::sregex_iterator it(index.begin(), index.end(), link), end; it != end; ++it, ++links) {
    const auto report = out / (*it)[1].str();
    ASSERT_TRUE(fs::exists(report)) << report;
    EXPECT_GT(std::stoi(testing::body_attribute(testing::read_text(report), "data-charts")), 0) << report;
  }
  EXPECT_EQ(links, 2) << "one link per finished scenario";
}

TEST(BatchReport, WithoutTheOptionNoPageIsWritten) {
  const auto out = testing::temp_dir() / "out";
  fs::create_directories(out);
  const auto r =
      testing::run_splitsim({"batch", (testing::source_dir() / "scenarios/small_business.textproto").string(),
                             "-o", out.string(), "--trials", "24"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& entry : fs::directory_iterator(out))
    EXPECT_NE(entry.path().extension(), ".html") << entry.path();
}

}  // namespace
}  // namespace splitsim
