#include "output/candidate_spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "base/deterministic_bytes.hpp"

namespace splitsim {

CandidateSpool::CandidateSpool(std::size_t count, Objective objective, const std::filesystem::path& folder)
    : folder_(folder), objective_(std::move(objective)), entries_(count) {
  std::string name = (folder_ / "splitsim-candidates.XXXXXX").string();
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) fail("cannot create a temporary file");
  // Unlinked at once: the space is freed when the file is closed, even if the process is killed.
  ::unlink(name.c_str());
}

CandidateSpool::~CandidateSpool() {
  if (fd_ >= 0) ::close(fd_);
}

void CandidateSpool::fail(const std::string& what) const {
  const std::string reason = std::strerror(errno);
  throw std::runtime_error(what + " for the candidates in " + folder_.string() + ": " + reason +
                           " (set TMPDIR to a folder with room for the results)");
}

void CandidateSpool::store(std::size_t position, const v1::Candidate& candidate) {
  const std::string bytes = deterministic_bytes(candidate);
  if (bytes.size() > std::numeric_limits<std::uint32_t>::max()) {
    errno = EFBIG;
    fail("a candidate too large to keep");
  }
  Entry& entry = entries_.at(position);
  std::uint64_t offset = 0;
  {
    const std::lock_guard lock(append_);
    offset = end_;
    end_ += bytes.size();
  }
  // Each candidate has its own range of the file: the writes need no order among themselves.
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n =
        ::pwrite(fd_, bytes.data() + written, bytes.size() - written, static_cast<off_t>(offset + written));
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = ENOSPC;
    if (n <= 0) fail("cannot write a temporary file");
    written += static_cast<std::size_t>(n);
  }
  entry.offset = offset;
  entry.length = static_cast<std::uint32_t>(bytes.size());
  entry.key = rank_key(candidate, objective_);
  entry.stored = true;
}

std::string CandidateSpool::bytes(std::size_t position) const {
  const Entry& entry = entries_.at(position);
  if (!entry.stored) throw std::logic_error("candidate " + std::to_string(position) + " was never stored");
  std::string bytes(entry.length, '\0');
  std::size_t read = 0;
  while (read < bytes.size()) {
    const ssize_t n =
        ::pread(fd_, bytes.data() + read, bytes.size() - read, static_cast<off_t>(entry.offset + read));
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = EIO;
    if (n <= 0) fail("cannot read back a temporary file");
    read += static_cast<std::size_t>(n);
  }
  return bytes;
}

v1::Candidate CandidateSpool::at(std::size_t position) const {
  v1::Candidate candidate;
  if (!candidate.ParseFromString(bytes(position))) {
    throw std::runtime_error("a candidate kept in " + folder_.string() + " could not be read back");
  }
  return candidate;
}

}  // namespace splitsim
