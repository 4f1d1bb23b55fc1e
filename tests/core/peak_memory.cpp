#include "peak_memory.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <regex>
#include <vector>

#include "test_support.hpp"

namespace splitsim::testing {

std::string paid_grid_scenario(double channel_step) {
  return "budget { total: 100000 currency: \"USD\" }\n"
         "horizon { periods: 4 period_days: 7 }\n"
         "trials: 8\n"
         "channels { name: \"facebook\" plugin: \"meta\" }\n"
         "channels { name: \"instagram\" plugin: \"instagram\" }\n"
         "channels { name: \"linkedin\" plugin: \"linkedin\" }\n"
         "channels { name: \"tiktok\" plugin: \"tiktok\" }\n"
         "search { organic_share { min: 0 max: 0 } grid { organic_step: 1 channel_step: " +
         std::to_string(channel_step) +
         " } }\n"
         "objective { kpi: CONVERSIONS }\n";
}

double estimated_mib(const std::filesystem::path& file) {
  const auto r = run_splitsim({"validate", file.string(), "--threads", "2"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::smatch match;
  EXPECT_TRUE(std::regex_search(r.out, match, std::regex(R"(about ([0-9.]+) (MiB|GiB) of memory)"))) << r.out;
  if (match.empty()) return 0.0;
  return std::stod(match[1].str()) * (match[2].str() == "GiB" ? 1024.0 : 1.0);
}

double measured_peak_mib(const std::filesystem::path& file, const std::string& format) {
  const auto output = temp_dir() / "results.pb";
  const pid_t pid = spawn_quietly(
      {SPLITSIM_BINARY, "run", file.string(), "--threads", "2", "-o", output.string(), "--format", format});
  int status = 0;
  rusage usage{};
  EXPECT_EQ(wait4(pid, &status, 0, &usage), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::filesystem::remove(output);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace splitsim::testing
