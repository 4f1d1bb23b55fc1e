// Whose libraries may run in this process. Loading a plugin runs its code with the runner's rights, so a
// library is loaded only when nobody else could have put it there: the rule ssh applies to
// authorized_keys and sudo to its configuration.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace splitsim {

// Why the library `file`, found in `folder`, must not be loaded (empty when it may be). It is refused
// when the file, `folder` or the folder the file really lives in (after symbolic links) belongs to
// someone other than the current user or root, or is writable by group or others; or when a folder above
// them is writable by group or others without the sticky bit (as /tmp has). Folders above may belong to
// another user: a checkout owned by a build user and run by root in a container is common, and refusing
// it would refuse most CI jobs; only their group and world write permissions count.
// Libraries directly in one of `trusted_folders` are exempt.
std::optional<std::string> untrusted_library_reason(
    const std::filesystem::path& file, const std::filesystem::path& folder,
    const std::vector<std::filesystem::path>& trusted_folders);

}  // namespace splitsim
