#include "run/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <string>

#include "run/time_estimate.hpp"

namespace splitsim {
namespace {

constexpr std::size_t kBarWidth = 30;
// Redrawing on every candidate of a fast grid would cost more than the candidates.
constexpr std::chrono::milliseconds kRedrawInterval{200};

}  // namespace

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void ProgressBar::start(std::size_t total) {
  total_ = std::max<std::size_t>(total, 1);
  started_ = std::chrono::steady_clock::now();
  draw(0, true);
}

void ProgressBar::advance(std::size_t count) {
  if (total_ == 0) return;
  // The optimizer's plan is a bound on its simulations: the bar never runs past its end.
  const std::size_t done = std::min(done_ += count, total_);
  draw(done, false);
}

void ProgressBar::finish() {
  if (total_ == 0) return;  // never started: nothing drawn to end
  draw(total_, true);
  const std::lock_guard lock(drawing_);
  if (!finished_) terminal_ << "\n" << std::flush;
  finished_ = true;
}

void ProgressBar::draw(std::size_t done, bool force) {
  std::unique_lock lock(drawing_, std::defer_lock);
  if (force) {
    lock.lock();
  } else if (!lock.try_lock()) {
    return;  // another thread is drawing: this one need not wait
  }
  const auto now = std::chrono::steady_clock::now();
  if (finished_ || (!force && now - last_drawn_ < kRedrawInterval)) return;
  last_drawn_ = now;
  const std::size_t filled = done * kBarWidth / total_;
  std::string bar(filled, '#');
  bar.resize(kBarWidth, '.');
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  std::string eta = "";
  if (done > 0 && done < total_) {
    eta = ", ETA " + duration_words(elapsed / static_cast<double>(done) * static_cast<double>(total_ - done));
  }
  terminal_ << "\r[" << bar << "] " << done << "/" << total_ << " candidates" << eta << "   " << std::flush;
}

}  // namespace splitsim
