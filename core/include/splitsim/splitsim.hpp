// The whole plugin SDK in one include.
#pragma once

#include "splitsim/abi.hpp"
#include "splitsim/distribution.hpp"
#include "splitsim/export.hpp"
#include "splitsim/math.hpp"
#include "splitsim/models/auction.hpp"
#include "splitsim/models/carryover.hpp"
#include "splitsim/models/fatigue.hpp"
#include "splitsim/models/organic.hpp"
#include "splitsim/models/reach.hpp"
#include "splitsim/models/saturation.hpp"
#include "splitsim/output_buffers.hpp"
#include "splitsim/platform.hpp"
#include "splitsim/plugin_info.hpp"
#include "splitsim/random_stream.hpp"
#include "splitsim/simulation_block.hpp"
