#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace splitsim {

std::string not_a_regular_file(const std::filesystem::path& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || S_ISREG(info.st_mode)) return "";
  if (S_ISLNK(info.st_mode)) return "a symbolic link";
  if (S_ISDIR(info.st_mode)) return "a folder";
  if (S_ISFIFO(info.st_mode)) return "a FIFO";
  if (S_ISSOCK(info.st_mode)) return "a socket";
  return "a device";
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const auto directory = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temp = (directory / ("." + path.filename().string() + ".tmp.XXXXXX")).string();
  auto fail = [&](const std::string& what) {
    const std::string reason = std::strerror(errno);
    throw std::runtime_error("cannot write " + path.string() + ": " + what + ": " + reason);
  };
  auto refuse_unless_regular = [&] {
    if (const auto kind = not_a_regular_file(path); !kind.empty()) {
      throw std::runtime_error("cannot write " + path.string() + ": it is " + kind +
                               ", not a regular file: refusing to replace it");
    }
  };
  refuse_unless_regular();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) fail("cannot create a temporary file in " + directory.string());
  auto discard = [&] {
    ::close(fd);
    ::unlink(temp.c_str());
  };
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      discard();
      errno = saved;
      fail("write failed");
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates the file 0600; results are ordinary files, readable as the umask allows.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    fail("flush failed");
  }
  // Again just before the rename: the path may have changed while the content was written.
  try {
    refuse_unless_regular();
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    fail("rename failed");
  }
}

}  // namespace splitsim
