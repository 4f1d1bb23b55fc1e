// The plugin ABI version: bumped whenever any type in this SDK changes layout or meaning.
#pragma once

#include <cstdint>

namespace splitsim {

// Version 1: Platform/PluginInfo/SimulationBlock/OutputBuffers as first published.
// Version 2: ChannelPlan gains post_format (SimulationBlock's layout changes).
// Version 3: RandomStream's noise and the model blocks use splitsim/math.hpp (other bits than <cmath>), and
//            gain forms over many trials at once; a plugin built before draws other noise, so rebuild it.
// The runner compares a plugin's exported version with this before calling anything else.
inline constexpr std::uint32_t kAbiVersion = 3;

// Names of the two symbols every plugin exports (see export.hpp).
inline constexpr const char* kAbiVersionSymbol = "splitsim_abi_version";
inline constexpr const char* kFactorySymbol = "splitsim_create_platform";

}  // namespace splitsim
