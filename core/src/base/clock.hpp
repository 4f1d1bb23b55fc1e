// Wall-clock time as results and manifests record it.
#pragma once

#include <string>

namespace splitsim {

// Now, in UTC, as ISO 8601 to the second (e.g. "2026-11-24T08:30:00Z").
std::string utc_now();

}  // namespace splitsim
