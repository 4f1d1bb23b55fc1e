#include "calibration/calibration_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "base/deterministic_bytes.hpp"
#include "base/errors.hpp"
#include "calibration/diagnostics.hpp"
#include "calibration/parameter_space.hpp"

namespace splitsim {
namespace {

constexpr std::uintmax_t kMaxBytes = 1ull << 30;

bool same_prior(const v1::PriorDistribution& a, const v1::PriorDistribution& b) {
  return a.kind() == b.kind() && a.a() == b.a() && a.b() == b.b() && a.min() == b.min() && a.max() == b.max();
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

class Checker {
 public:
  explicit Checker(const std::string& file) : file_(file) {}
  [[noreturn]] void fail(const std::string& field, const std::string& message) const {
    throw InputError({{file_, 0, field, message + ": run splitsim calibrate again for this scenario"}});
  }

 private:
  const std::string& file_;
};

std::shared_ptr<const PosteriorDraws> check_channel(const ResolvedChannel& channel,
                                                    const v1::ChannelCalibration& calibrated,
                                                    const std::string& field, const std::string& file,
                                                    const Checker& check) {
  const auto& info = channel.plugin->info;
  if (calibrated.plugin() != info.name) {
    check.fail(field + ".plugin", "channel '" + channel.name + "' was calibrated with plugin '" +
                                      calibrated.plugin() + "'; the scenario models it with '" + info.name +
                                      "'");
  }
  if (calibrated.plugin_version() != info.version) {
    check.fail(field + ".plugin_version", "channel '" + channel.name + "' was calibrated with " + info.name +
                                              " " + calibrated.plugin_version() + "; this run loads " +
                                              info.name + " " + info.version + ", whose model may differ");
  }
  if (calibrated.parameters_size() != static_cast<int>(channel.parameters.size())) {
    check.fail(field + ".parameters", "the plugin's parameters differ from those calibrated");
  }
  auto draws = std::make_shared<PosteriorDraws>();
  for (std::size_t p = 0; p < channel.parameters.size(); ++p) {
    const auto& summary = calibrated.parameters(static_cast<int>(p));
    const auto& parameter = channel.parameters[p];
    const std::string where = field + ".parameters[" + std::to_string(p) + "]";
    if (summary.name() != parameter.spec.name) {
      check.fail(where, "parameter " + std::to_string(p) + " was '" + summary.name() + "' and is '" +
                            parameter.spec.name + "' now");
    }
    if (is_state_parameter(parameter.spec.name)) continue;  // the plan's own starting state
    const auto now = prior_of(parameter);
    if (!same_prior(summary.prior(), now)) {
      check.fail(where, "channel '" + channel.name + "' parameter '" + parameter.spec.name + "' was " +
                            summary.prior_text() + " on [" + number(summary.prior().min()) + ", " +
                            number(summary.prior().max()) + "] when calibrated and is " +
                            describe(parameter.distribution) + " on [" + number(now.min()) + ", " +
                            number(now.max()) + "] in the scenario now (the posterior depends on it)");
    }
    if (summary.calibrated()) draws->parameters.push_back(p);
  }
  if (calibrated.particles_size() == 0) check.fail(field + ".particles", "no particles");
  for (int k = 0; k < calibrated.particles_size(); ++k) {
    const auto& particle = calibrated.particles(k);
    if (particle.values_size() != static_cast<int>(draws->parameters.size())) {
      check.fail(field + ".particles[" + std::to_string(k) + "]",
                 "the file is damaged (a particle of " + std::to_string(particle.values_size()) +
                     " values for " + std::to_string(draws->parameters.size()) + " calibrated parameters)");
    }
    for (std::size_t j = 0; j < draws->parameters.size(); ++j) {
      const double value = particle.values(static_cast<int>(j));
      const auto& spec = channel.parameters[draws->parameters[j]].spec;
      if (!std::isfinite(value) || value < spec.min || value > spec.max) {
        check.fail(field + ".particles[" + std::to_string(k) + "]",
                   "the file is damaged (" + spec.name + " = " + number(value) + " outside [" +
                       number(spec.min) + ", " + number(spec.max) + "])");
      }
      draws->values.push_back(value);
    }
  }
  draws->first_date = calibrated.first_date();
  draws->last_date = calibrated.last_date();
  draws->file = std::filesystem::path(file).filename().string();
  return draws;
}

}  // namespace

std::string calibration_bytes(const v1::Calibration& calibration) { return deterministic_bytes(calibration); }

v1::Calibration read_calibration(const std::filesystem::path& path, const std::string& name) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InputError(name, "no calibration file here (make it with splitsim calibrate SCENARIO ... -o FILE)");
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxBytes)
    throw InputError(name, "cannot read the calibration file (or it is above 1 GiB)");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  v1::Calibration calibration;
  if (!in || !calibration.ParseFromString(content.str()) || calibration.splitsim_version().empty()) {
    throw InputError(name, "not a calibration file (or a damaged one): make it with splitsim calibrate");
  }
  return calibration;
}

void apply_calibration(ResolvedScenario& scenario, const v1::Calibration& calibration,
                       const std::string& name) {
  const Checker check(name);
  if (calibration.period_days() != scenario.period_days) {
    check.fail("period_days", "calibrated for periods of " + number(calibration.period_days()) +
                                  " days; the scenario's are " + number(scenario.period_days) + " days");
  }
  std::vector<std::shared_ptr<const PosteriorDraws>> posteriors(scenario.channels.size());
  for (int k = 0; k < calibration.channels_size(); ++k) {
    const auto& calibrated = calibration.channels(k);
    const std::string field = "channels[" + std::to_string(k) + "]";
    const auto it = std::find_if(scenario.channels.begin(), scenario.channels.end(),
                                 [&](const ResolvedChannel& c) { return c.name == calibrated.channel(); });
    if (it == scenario.channels.end()) {
      check.fail(field + ".channel", "the calibration is for channel '" + calibrated.channel() +
                                         "', which this scenario does not have");
    }
    const auto c = static_cast<std::size_t>(it - scenario.channels.begin());
    if (posteriors[c])
      check.fail(field + ".channel", "channel '" + calibrated.channel() + "' is calibrated twice");
    posteriors[c] = check_channel(*it, calibrated, field, name, check);
  }
  for (std::size_t c = 0; c < posteriors.size(); ++c) {
    if (posteriors[c]) scenario.channels[c].posterior = posteriors[c];
  }
}

std::optional<std::filesystem::path> scenario_calibration_path(const LoadedScenario& loaded) {
  const auto& file = loaded.scenario.calibration().file();
  if (file.empty()) return std::nullopt;
  const std::filesystem::path path(file);
  return path.is_absolute() ? path : std::filesystem::path(loaded.file).parent_path() / path;
}

std::optional<v1::Calibration> use_scenario_calibration(ResolvedScenario& scenario,
                                                        const LoadedScenario& loaded) {
  const auto path = scenario_calibration_path(loaded);
  if (!path) return std::nullopt;
  const std::string name = path->string();
  auto calibration = read_calibration(*path, name);
  apply_calibration(scenario, calibration, name);
  return calibration;
}

}  // namespace splitsim
