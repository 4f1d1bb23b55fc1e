#include "batch/folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "base/errors.hpp"

namespace splitsim {

FolderLock::FolderLock(const std::filesystem::path& folder) {
  // The folder itself is locked (Linux flocks directories): no lock file to leave behind or to race on.
  fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) {
    throw UsageError("cannot lock the output folder " + folder.string() + ": " + std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK) {
      throw UsageError("another batch is writing into " + folder.string() +
                       ": wait for it to end, or give this one another -o folder");
    }
    throw UsageError("cannot lock the output folder " + folder.string() + ": " + std::strerror(error));
  }
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace splitsim
