#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

namespace {

struct WriteFailed {};

// One file's content written to a temporary file beside it and flushed to disk, waiting to be renamed into
// place. Dropped unrenamed, the temporary file is removed.
class StagedFile {
 public:
  StagedFile(std::filesystem::path path, const ContentWriter& write) : path_(std::move(path)) {
    const auto directory = path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
    temp_ = (directory / ("." + path_.filename().string() + ".tmp.XXXXXX")).string();
    refuse_unless_regular();
    const int fd = ::mkstemp(temp_.data());
    if (fd < 0) {
      temp_.clear();
      fail("cannot create a temporary file in " + directory.string());
    }
    try {
      write([&](std::string_view content) {
        std::size_t written = 0;
        while (written < content.size()) {
          const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
          if (n < 0 && errno == EINTR) continue;
          if (n < 0) throw WriteFailed{};
          written += static_cast<std::size_t>(n);
        }
      });
    } catch (const WriteFailed&) {
      ::close(fd);
      discard_and_fail("write failed");
    } catch (...) {
      // The content could not be made: nothing is left behind, and the reason goes on.
      ::close(fd);
      ::unlink(temp_.c_str());
      temp_.clear();
      throw;
    }
    // mkstemp creates the file 0600; results are ordinary files, readable as the umask allows.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::fsync(fd) != 0) {
      ::close(fd);
      discard_and_fail("flush failed");
    }
    if (::close(fd) != 0) discard_and_fail("flush failed");
  }
  StagedFile(StagedFile&& other) noexcept : path_(std::move(other.path_)), temp_(std::move(other.temp_)) {
    other.temp_.clear();
  }
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  StagedFile& operator=(StagedFile&&) = delete;
  ~StagedFile() {
    if (!temp_.empty()) ::unlink(temp_.c_str());
  }

  // Checked again just before the rename: the path may have changed while the content was written.
  void refuse_unless_regular() const {
    if (const auto kind = not_a_regular_file(path_); !kind.empty()) {
      throw std::runtime_error("cannot write " + path_.string() + ": it is " + kind +
                               ", not a regular file: refusing to replace it");
    }
  }

  void commit() {
    if (::rename(temp_.c_str(), path_.c_str()) != 0) discard_and_fail("rename failed");
    temp_.clear();
  }

 private:
  // A constructor that throws runs no destructor: the temporary file is removed here, the reason kept.
  [[noreturn]] void discard_and_fail(const std::string& what) {
    const int saved = errno;
    ::unlink(temp_.c_str());
    temp_.clear();
    errno = saved;
    fail(what);
  }
  [[noreturn]] void fail(const std::string& what) const {
    const std::string reason = std::strerror(errno);
    throw std::runtime_error("cannot write " + path_.string() + ": " + what + ": " + reason);
  }

  std::filesystem::path path_;
  std::string temp_;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  write_file_atomically(path, [content](const ByteSink& sink) { sink(content); });
}

void write_file_atomically(const std::filesystem::path& path, const ContentWriter& write) {
  StagedFile staged(path, write);
  staged.refuse_unless_regular();
  staged.commit();
}

void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
  // Every file is written and flushed before any is renamed: a failure while writing leaves none of them.
  std::vector<StagedFile> staged;
  staged.reserve(files.size());
  for (const auto& [path, content] : files) {
    staged.emplace_back(path, [&content](const ByteSink& sink) { sink(content); });
  }
  for (const auto& file : staged) file.refuse_unless_regular();
  for (auto& file : staged) file.commit();
}

}  // namespace splitsim
