// `splitsim report`: one self-contained HTML page of a results file, to open offline and send. Each chart
// is a Vega spec drawn by the Vega library built into the binary, with a line saying how to read it; a
// section is there only when the results hold its data.
#pragma once

#include <string>

#include "results.pb.h"
#include "search/candidate_source.hpp"

namespace splitsim {

// The page; `file` names the results in messages. Throws InputError when they hold no recommendation.
std::string render_report(const v1::Results& results, const std::string& file);
// The same for `results` with `candidates` as its candidates; only the plans drawn are read.
std::string render_report(const v1::Results& results, const CandidateSource& candidates,
                          const std::string& file);

}  // namespace splitsim
