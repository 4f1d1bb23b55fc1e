#include "scenario/scenario_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <string>
#include <system_error>

#include "base/errors.hpp"

namespace splitsim {
namespace {

// Closes the descriptor on every way out.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string reason(int error) { return std::error_code(error, std::generic_category()).message(); }

// "17 MiB" (whole mebibytes, rounded down) from one mebibyte on, else bytes.
std::string size_text(std::uintmax_t bytes) {
  constexpr std::uintmax_t kMiB = 1024 * 1024;
  return bytes >= kMiB ? std::to_string(bytes / kMiB) + " MiB" : std::to_string(bytes) + " bytes";
}

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "not a regular file";
}

}  // namespace

std::string read_scenario_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  const std::string file = path.string();
  // Non-blocking: opening a FIFO must not wait for a writer (it is refused below, as not a regular file).
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    const int error = errno;
    throw InputError(file, error == ENOENT ? "no such file" : "cannot open the file: " + reason(error));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw InputError(file, "cannot read the file: " + reason(errno));
  if (!S_ISREG(info.st_mode)) throw InputError(file, "not a regular file: it is " + kind_of(info.st_mode));
  const auto limit = "scenarios are limited to " + size_text(max_bytes);
  // The size reported now is only a hint (the file may still be written, /proc reports 0): refuse early on
  // it, and bound the read itself below.
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    throw InputError(file,
                     "the file is " + size_text(static_cast<std::uintmax_t>(info.st_size)) + "; " + limit);
  }
  std::string content;
  std::array<char, 64 * 1024> buffer;
  while (content.size() <= max_bytes) {
    const std::uintmax_t room = max_bytes + 1 - content.size();
    const auto want = static_cast<std::size_t>(std::min<std::uintmax_t>(buffer.size(), room));
    const ssize_t got = ::read(fd.get(), buffer.data(), want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw InputError(file, "cannot read the file: " + reason(errno));
    if (got == 0) return content;
    content.append(buffer.data(), static_cast<std::size_t>(got));
  }
  throw InputError(file, "the file holds more than " + size_text(max_bytes) +
                             " (more than its size said when it was opened: it is still being written?); " +
                             limit);
}

}  // namespace splitsim
