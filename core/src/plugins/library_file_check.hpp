// Is a file a complete ELF shared library? Checked before dlopen, because the dynamic loader maps segments
// that a truncated file does not have and dies of SIGBUS when it touches them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace splitsim {

// Why `file` cannot be handed to the dynamic loader (empty when it can): not an ELF file, not a shared
// library, or truncated (a header, a segment or the section table reaching past the end of the file).
// Checks only the layout the loader relies on; dlopen still judges everything else.
std::optional<std::string> incomplete_library_reason(const std::filesystem::path& file);

}  // namespace splitsim
