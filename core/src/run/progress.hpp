// What a running scenario tells its caller while it works: the plan once it is known, then the candidates
// simulated. `run` draws a progress bar from it on a terminal; batch and tests pass nothing.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

#include "run/run_plan.hpp"

namespace splitsim {

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  // Before anything is simulated: what the run will simulate, on how many threads.
  virtual void planned(const RunPlan& plan, bool optimize, std::size_t threads) = 0;
  // A caution about the inputs the run goes on with (e.g. amounts in two currencies).
  virtual void warned(const std::string& warning) = 0;
  // `count` more candidates simulated (called from worker threads).
  virtual void simulated(std::size_t count) = 0;
  // The simulation is over (results are being assembled).
  virtual void finished() = 0;
};

// A one-line bar redrawn in place ("\r[#####.....] 1200/5000 candidates, ETA 40 s"), at most a few times a
// second: for a terminal only, as carriage returns would litter a log file.
class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& terminal) : terminal_(terminal) {}
  void start(std::size_t total);
  void advance(std::size_t count);  // thread-safe
  void finish();                    // the bar at its end, and a new line

 private:
  void draw(std::size_t done, bool force);

  std::ostream& terminal_;
  std::size_t total_ = 0;
  std::atomic<std::size_t> done_{0};
  std::mutex drawing_;
  std::chrono::steady_clock::time_point started_, last_drawn_;
  bool finished_ = false;
};

// Whether stderr is a terminal (a person watching), not a pipe or a file.
bool stderr_is_terminal();

}  // namespace splitsim
