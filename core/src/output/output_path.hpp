// Where a command will write a file, checked before the work that produces it: hours of simulation must not
// be lost to a typo at the end, and a file is written only where a regular file can be.
#pragma once

#include <filesystem>

namespace splitsim {

// Throws InputError naming `path` (exit 2) when its folder is missing, not a folder or not writable, or when
// `path` is a folder, a symbolic link, a FIFO, a socket or a device (renaming a file into place would
// replace the link or the device node itself). An absent path or a regular file is fine.
void check_output_path(const std::filesystem::path& path);

}  // namespace splitsim
