// The ends of a ShareBounds with their documented defaults (0 and 1), read the same way everywhere.
#pragma once

#include "scenario.pb.h"

namespace splitsim {

inline double bound_min(const v1::ShareBounds& b) { return b.has_min() ? b.min() : 0.0; }
inline double bound_max(const v1::ShareBounds& b) { return b.has_max() ? b.max() : 1.0; }

}  // namespace splitsim
