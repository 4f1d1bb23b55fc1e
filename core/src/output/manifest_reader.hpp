// Reading a batch manifest back (manifest.pb), with the same bounds as results files: a manifest is a file
// like any other, and a reader must not trust its size or its counts.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "batch.pb.h"

namespace splitsim {

// A manifest lists one entry of a few hundred bytes per scenario file: 256 MiB is about a million of them.
inline constexpr std::size_t kMaxManifestBytes = std::size_t{256} << 20;

// Throws InputError naming the file (exit 2) when it is not a regular file of at most kMaxManifestBytes,
// would take more memory than such a file can, is not a manifest, or has a status splitsim does not know.
v1::BatchManifest read_manifest_file(const std::filesystem::path& path);
v1::BatchManifest parse_manifest(std::string_view bytes, const std::string& file);

}  // namespace splitsim
