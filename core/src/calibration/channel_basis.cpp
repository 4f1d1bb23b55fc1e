#include "calibration/channel_basis.hpp"

namespace splitsim {

void add_channel_basis(v1::RunMetadata& metadata, const ResolvedScenario& scenario,
                       const v1::Scenario& written) {
  for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
    const auto& channel = scenario.channels[c];
    auto* basis = metadata.add_channel_basis();
    basis->set_channel(channel.name);
    if (c < static_cast<std::size_t>(written.channels_size())) {
      for (const auto& parameter : written.channels(static_cast<int>(c)).params())
        basis->add_scenario_parameters(parameter.name());
    }
    if (!channel.posterior) continue;
    basis->set_calibrated(true);
    basis->set_first_date(channel.posterior->first_date);
    basis->set_last_date(channel.posterior->last_date);
    basis->set_calibration_file(channel.posterior->file);
    for (const std::size_t p : channel.posterior->parameters)
      basis->add_calibrated_parameters(channel.parameters[p].spec.name);
  }
}

}  // namespace splitsim
