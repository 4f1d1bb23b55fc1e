#include "output/output_path.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "base/errors.hpp"
#include "output/atomic_file.hpp"

namespace splitsim {

void check_output_path(const std::filesystem::path& path) {
  auto refuse = [&](const std::string& why) { throw InputError(path.string(), why); };
  const auto name = path.filename();
  if (name.empty() || name == "." || name == "..") refuse("is a folder: give a file name");
  const std::string kind = not_a_regular_file(path);
  if (!kind.empty()) {
    refuse("is " + kind + ", not a regular file: results are written only to regular files (writing would " +
           "replace it); give another path");
  }
  const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  struct stat info {};
  if (::stat(folder.c_str(), &info) != 0) {
    if (errno == ENOENT) refuse("the folder " + folder.string() + " does not exist");
    refuse("cannot use the folder " + folder.string() + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(info.st_mode)) refuse(folder.string() + " is not a folder");
  // The effective user's rights, as the write will have them (EROFS for a read-only file system too).
  if (::faccessat(AT_FDCWD, folder.c_str(), W_OK | X_OK, AT_EACCESS) != 0)
    refuse("cannot write in the folder " + folder.string() + ": " + std::strerror(errno));
}

}  // namespace splitsim
