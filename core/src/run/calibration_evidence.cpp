#include "run/calibration_evidence.hpp"

namespace splitsim {

void add_calibration_evidence(v1::ReportData& data, const v1::Calibration& calibration,
                              const ResolvedScenario& scenario) {
  for (const auto& channel : scenario.channels) {
    if (!channel.posterior) continue;
    for (const auto& calibrated : calibration.channels()) {
      if (calibrated.channel() != channel.name) continue;
      auto* evidence = data.add_calibration();
      evidence->set_channel(calibrated.channel());
      evidence->set_calibration_file(channel.posterior->file);
      evidence->set_first_date(calibrated.first_date());
      evidence->set_last_date(calibrated.last_date());
      for (const auto& parameter : calibrated.parameters()) {
        if (parameter.calibrated()) *evidence->add_parameters() = parameter;
      }
      *evidence->mutable_predictive() = calibrated.predictive();
      *evidence->mutable_lift_tests() = calibrated.lift_tests();
      *evidence->mutable_warnings() = calibrated.warnings();
    }
  }
}

}  // namespace splitsim
