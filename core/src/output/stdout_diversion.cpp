#include "output/stdout_diversion.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace splitsim {

StdoutDiversion::StdoutDiversion() {
  std::cout.flush();
  std::fflush(stdout);
  saved_stdout_ = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (saved_stdout_ < 0) return;
  if (::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    ::close(saved_stdout_);
    saved_stdout_ = -1;
  }
}

StdoutDiversion::~StdoutDiversion() {
  if (saved_stdout_ < 0) return;
  // Buffered prints (C's stdout is fully buffered on a pipe) belong to stderr, where they were made.
  std::cout.flush();
  std::fflush(stdout);
  ::dup2(saved_stdout_, STDOUT_FILENO);
  ::close(saved_stdout_);
}

}  // namespace splitsim
