// Reading a scenario file: bounded in bytes, and saying why when the file cannot be read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace splitsim {

// Larger scenario files are refused: a scenario is a few kilobytes, a huge file is a mistake, not a plan.
inline constexpr std::uintmax_t kMaxScenarioBytes = 16u * 1024 * 1024;

// The content of the regular file at `path`, of at most `max_bytes`. The read itself is bounded (at most one
// byte more is read), so a file that grows while it is read, or reports a smaller size than it has, cannot
// slip past the limit. Throws InputError naming the file and the reason: missing, the operating system's
// reason it cannot be opened (a symbolic link loop, permission denied...), a folder or a device, too large.
std::string read_scenario_file(const std::filesystem::path& path,
                               std::uintmax_t max_bytes = kMaxScenarioBytes);

}  // namespace splitsim
