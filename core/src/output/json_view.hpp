// The whole results message as JSON, for programs.
#pragma once

#include <ostream>
#include <string>

#include "results.pb.h"
#include "search/candidate_source.hpp"

namespace splitsim {

// The whole message as JSON with proto field names (the same names as in scenario text files), written a
// candidate at a time: memory stays that of one candidate's text, whatever the grid's size.
void write_json(std::ostream& out, const v1::Results& results);
// The same for `results` with `candidates` as its candidates (those of `results` are left out).
void write_json(std::ostream& out, const v1::Results& results, const CandidateSource& candidates);
std::string format_json(const v1::Results& results);

}  // namespace splitsim
