#include "calibration/calibration_inputs.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>

#include "base/errors.hpp"
#include "calibration/period_history.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

std::string channel_list(const v1::Scenario& scenario) {
  std::string names;
  for (const auto& channel : scenario.channels()) names += (names.empty() ? "" : ", ") + channel.name();
  return names;
}

bool has_channel(const v1::Scenario& scenario, const std::string& name) {
  for (const auto& channel : scenario.channels()) {
    if (channel.name() == name) return true;
  }
  return false;
}

// A path the scenario gives, relative to the scenario's folder.
fs::path beside_scenario(const LoadedScenario& loaded, const std::string& file) {
  const fs::path path(file);
  return path.is_absolute() ? path : fs::path(loaded.file).parent_path() / path;
}

std::string metric_names() {
  std::string names;
  for (std::size_t m = 0; m < kMetricCount; ++m)
    names += (names.empty() ? "" : ", ") + std::string(metric_name(static_cast<Metric>(m)));
  return names;
}

}  // namespace

CalibrationData calibration_data(const LoadedScenario& loaded, const std::vector<std::string>& histories,
                                 const std::vector<std::string>& lifts) {
  const auto& scenario = loaded.scenario;
  CalibrationData data;
  if (!histories.empty()) {
    for (const auto& argument : histories) {
      const auto equals = argument.find('=');
      if (equals == std::string::npos || equals == 0 || equals + 1 == argument.size()) {
        throw UsageError("--history " + argument +
                         ": give CHANNEL=FILE, e.g. --history facebook=fb_export.csv");
      }
      HistorySource source;
      source.channel = argument.substr(0, equals);
      source.path = argument.substr(equals + 1);
      source.name = source.path.string();
      if (!has_channel(scenario, source.channel)) {
        throw UsageError("--history " + argument + ": the scenario has no channel '" + source.channel +
                         "' (its channels: " + channel_list(scenario) + ")");
      }
      for (const auto& other : data.histories) {
        if (other.channel == source.channel)
          throw UsageError("--history: channel '" + source.channel + "' given twice");
      }
      // The scenario's mapping for this channel still applies to the command line's file.
      for (const auto& declared : scenario.calibration().history()) {
        if (declared.channel() != source.channel) continue;
        source.format = declared.format();
        source.columns = declared.columns();
      }
      data.histories.push_back(std::move(source));
    }
  } else {
    const auto& declared = scenario.calibration().history();
    for (int i = 0; i < declared.size(); ++i) {
      const auto& h = declared[i];
      const auto path = FieldPath().child("calibration").child("history", i);
      const auto problem = [&](const std::string& field, const std::string& message) {
        const auto at = path.child(field);
        return InputError({{loaded.file, loaded.source.line_of(at), at.to_string(), message}});
      };
      if (!has_channel(scenario, h.channel())) {
        throw problem("channel", "the scenario has no channel '" + h.channel() +
                                     "' (its channels: " + channel_list(scenario) + ")");
      }
      if (h.file().empty()) throw problem("file", "a history needs its CSV file");
      for (const auto& other : data.histories) {
        if (other.channel == h.channel())
          throw problem("channel", "channel '" + h.channel() + "' has two histories");
      }
      HistorySource source;
      source.channel = h.channel();
      source.path = beside_scenario(loaded, h.file());
      source.name = source.path.string();
      source.format = h.format();
      source.columns = h.columns();
      data.histories.push_back(std::move(source));
    }
  }
  if (!lifts.empty()) {
    for (const auto& file : lifts) data.lift_files.push_back({file, file});
  } else {
    for (const auto& file : scenario.calibration().lift_tests()) {
      const auto path = beside_scenario(loaded, file);
      data.lift_files.push_back({path, path.string()});
    }
  }
  if (data.histories.empty() && data.lift_files.empty()) {
    throw UsageError(
        "no data to calibrate to: give --history CHANNEL=FILE and/or --lift FILE, or name them in the "
        "scenario "
        "(calibration { history { channel: \"...\" file: \"...\" } lift_tests: \"...\" })");
  }
  return data;
}

MeasurementErrors measurement_errors(const LoadedScenario& loaded, const std::vector<std::string>& errors) {
  MeasurementErrors out;
  const auto& declared = loaded.scenario.calibration().errors();
  for (int i = 0; i < declared.size(); ++i) {
    const auto at = FieldPath().child("calibration").child("errors", i);
    const auto metric = metric_named(declared[i].metric());
    if (!metric) {
      throw InputError(
          {{loaded.file, loaded.source.line_of(at.child("metric")), at.child("metric").to_string(),
            "unknown metric '" + declared[i].metric() + "' (known: " + metric_names() + ")"}});
    }
    const double sigma = declared[i].sigma();
    if (!(sigma > 0.0 && sigma <= 10.0)) {
      throw InputError({{loaded.file, loaded.source.line_of(at.child("sigma")), at.child("sigma").to_string(),
                         "sigma must be in (0, 10]"}});
    }
    out.sigma[static_cast<std::size_t>(*metric)] = sigma;
  }
  for (const auto& argument : errors) {
    const auto equals = argument.find('=');
    const auto metric = metric_named(argument.substr(0, equals));
    if (equals == std::string::npos || !metric) {
      throw UsageError("--error " + argument + ": give METRIC=SIGMA with METRIC one of " + metric_names());
    }
    double sigma = 0.0;
    const std::string text = argument.substr(equals + 1);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), sigma);
    if (error != std::errc() || end != text.data() + text.size() || !(sigma > 0.0 && sigma <= 10.0)) {
      throw UsageError("--error " + argument + ": sigma must be a number in (0, 10], e.g. 0.25");
    }
    out.sigma[static_cast<std::size_t>(*metric)] = sigma;
  }
  return out;
}

}  // namespace splitsim
