// The whole results message as JSON, for programs.
#pragma once

#include <ostream>
#include <string>

#include "results.pb.h"

namespace splitsim {

// The whole message as JSON with proto field names (the same names as in scenario text files), written a
// candidate at a time: memory stays that of one candidate's text, whatever the grid's size.
void write_json(std::ostream& out, const v1::Results& results);
std::string format_json(const v1::Results& results);

}  // namespace splitsim
