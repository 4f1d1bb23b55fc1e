// Writes a file so that readers see either the old file or the complete new one, never a partial file.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace splitsim {

// Writes `content` to a temporary file beside `path`, flushes it to disk and renames it into place.
// Replaces only a regular file: renaming onto a symbolic link, a FIFO or a device node would replace the node
// itself (as root, even /dev/null). Throws std::runtime_error naming the path on failure, leaving no
// temporary file behind.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// As above, the content given piece by piece to the sink by `write`, so that it is never whole in memory.
// When `write` throws, no file is left behind and its exception goes on.
using ByteSink = std::function<void(std::string_view)>;
using ContentWriter = std::function<void(const ByteSink&)>;
void write_file_atomically(const std::filesystem::path& path, const ContentWriter& write);

// Writes a set of files so that a failure while writing any of them leaves none: each is written and flushed
// to its temporary file first, then all are renamed into place.
void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files);

// What `path` is when it exists and is not a regular file ("a symbolic link", "a FIFO", "a device", "a
// socket", "a folder"); empty when it is a regular file or does not exist. Links are not followed.
std::string not_a_regular_file(const std::filesystem::path& path);

}  // namespace splitsim
