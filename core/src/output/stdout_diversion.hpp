// Keeps stdout for results: while a run simulates, what anything in the process writes to stdout (file
// descriptor 1: a plugin's printf, std::cout or write(1, ...)) goes to stderr instead, so `run --format
// csv` or `json` prints only the results, after the run.
#pragma once

namespace splitsim {

class StdoutDiversion {
 public:
  // Flushes std::cout and C's stdout, then points file descriptor 1 at stderr's file.
  StdoutDiversion();
  // Flushes what was written meanwhile (to stderr) and puts stdout back.
  ~StdoutDiversion();

  StdoutDiversion(const StdoutDiversion&) = delete;
  StdoutDiversion& operator=(const StdoutDiversion&) = delete;

 private:
  int saved_stdout_ = -1;  // -1: nothing diverted (no stdout or no stderr to divert to)
};

}  // namespace splitsim
