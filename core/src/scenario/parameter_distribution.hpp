// A scenario parameter's value, in the SDK's form.
#pragma once

#include "scenario.pb.h"
#include "splitsim/distribution.hpp"

namespace splitsim {

// The distribution a scenario parameter describes (a fixed value is a point distribution).
Distribution to_distribution(const v1::Parameter& parameter);

}  // namespace splitsim
