// What a results file must hold before anything reads it: every index inside the array it points into, and
// every count within what the scenario it records can produce. Files are not trusted: a reader indexes with
// these numbers and allocates by these counts.
#pragma once

#include <string>

#include "results.pb.h"

namespace splitsim {

// Throws InputError naming `file` and each field at fault (e.g. "recommendation.candidate_index").
void check_results(const v1::Results& results, const std::string& file);

}  // namespace splitsim
