// One batch per output folder: two batches writing one manifest would each lose the other's entries.
#pragma once

#include <filesystem>

namespace splitsim {

// Holds an exclusive lock on `folder` for its lifetime. The kernel drops
// the lock when the process ends, however it ends, so a killed batch never leaves the folder locked.
class FolderLock {
 public:
  // Throws UsageError when another process holds the lock, naming the folder and what to do.
  explicit FolderLock(const std::filesystem::path& folder);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace splitsim
