// `splitsim batch --report`: the index page of a batch, every scenario with its status and headline
// figures, linked to its own report.
#pragma once

#include <string>
#include <vector>

#include "batch.pb.h"

namespace splitsim {

// The page; `reports[i]` is the report file name of the manifest's run i (empty: none, e.g. it failed).
// Self-contained and offline like the reports: the table first (it reads without a script), then charts
// comparing the scenarios' splits and costs.
std::string render_batch_index(const v1::BatchManifest& manifest, const std::vector<std::string>& reports);

}  // namespace splitsim
