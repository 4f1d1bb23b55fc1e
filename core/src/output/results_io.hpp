// Reading and writing binary results files.
#pragma once

#include <filesystem>

#include "results.pb.h"

namespace splitsim {

// Serialises deterministically and writes atomically.
void save_results(const std::filesystem::path& path, const v1::Results& results);

// Throws InputError naming the file when it is missing or not a splitsim results file.
v1::Results load_results(const std::filesystem::path& path);

// Deterministic serialisation (map ordering fixed), used for files and for comparing runs.
std::string serialize_results(const v1::Results& results);

}  // namespace splitsim
