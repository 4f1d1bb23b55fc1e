// `splitsim batch merge`: the folders of a batch run as N shards (`batch --shard I/N`, e.g. the tasks of a
// Slurm job array or a Kubernetes indexed Job) joined into one folder, as one process would have written it.
#pragma once

#include <filesystem>
#include <vector>

#include "batch.pb.h"

namespace splitsim {

// Reads each folder's manifest, checks that together they are shards 0..N-1 of one batch (the same scenario
// list, each shard once), copies every finished scenario's results (and report, when there is one) into
// `output` and writes the joined manifest there: runs in the batch's order, each from the shard that owns
// it; started at the earliest start, finished at the latest end, interrupted if any shard was. Results are
// checked (their checksum) before they are copied. Throws InputError naming the folder and what is wrong
// (a missing or repeated shard, a manifest of another batch, damaged results) before writing anything.
v1::BatchManifest merge_shards(const std::vector<std::filesystem::path>& folders,
                               const std::filesystem::path& output);

}  // namespace splitsim
