// The batch manifest as files: binary (what --resume reads), JSON and CSV (what people and scripts read).
#pragma once

#include <filesystem>
#include <string>

#include "batch.pb.h"
#include "results.pb.h"
#include "search/candidate_source.hpp"

namespace splitsim {

// File names inside a batch's output folder.
inline constexpr const char* kManifestName = "manifest.pb";
inline constexpr const char* kManifestJsonName = "manifest.json";
inline constexpr const char* kManifestCsvName = "manifest.csv";

// Writes the three forms, each atomically: a batch killed at any moment leaves a complete manifest.
void write_manifest_files(const std::filesystem::path& folder, const v1::BatchManifest& manifest);

// The manifest as a CSV table (one row per scenario).
std::string manifest_csv(const v1::BatchManifest& manifest);

// The recommendation's figures, so a manifest can be read without opening every results file.
v1::Headline headline_of(const v1::Results& results);
// The same for `results` with `candidates` as its candidates; only the recommended one is read.
v1::Headline headline_of(const v1::Results& results, const CandidateSource& candidates);

}  // namespace splitsim
