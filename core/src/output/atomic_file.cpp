#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace splitsim {

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  const auto directory = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temp = (directory / ("." + path.filename().string() + ".tmp.XXXXXX")).string();
  auto fail = [&](const std::string& what) {
    const std::string reason = std::strerror(errno);
    throw std::runtime_error("cannot write " + path.string() + ": " + what + ": " + reason);
  };
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
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    fail("rename failed");
  }
}

}  // namespace splitsim
