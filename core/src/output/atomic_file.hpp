// Writes a file so that readers see either the old file or the complete new one, never a partial file.
#pragma once

#include <filesystem>
#include <string_view>

namespace splitsim {

// Writes `content` to a temporary file beside `path`, flushes it to disk and renames it into place.
// Throws std::runtime_error naming the path on failure, leaving no temporary file behind.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace splitsim
