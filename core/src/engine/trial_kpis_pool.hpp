// Per-trial KPI arrays lent to one split at a time and taken back for the next. A search or a grid
// simulates thousands of splits of one shape: fresh arrays would cost a zero fill (before the parallel
// blocks start, so on one thread) and page faults for every split. The pool holds at most as many arrays as
// splits were ever simulated at once.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "engine/trial_kpis.hpp"

namespace splitsim {

class TrialKpisPool {
 public:
  // Arrays for one split, back to the pool when the lease ends. Leases are per split, not per thread: a
  // thread waiting for a parallel loop may start another split, which then takes arrays of its own.
  class Lease {
   public:
    explicit Lease(TrialKpisPool& pool) : pool_(pool), kpis_(pool.take()) {}
    ~Lease() { pool_.give_back(std::move(kpis_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    TrialKpis& operator*() const { return *kpis_; }
    TrialKpis* operator->() const { return kpis_.get(); }

   private:
    TrialKpisPool& pool_;
    std::unique_ptr<TrialKpis> kpis_;
  };

  Lease lease() { return Lease(*this); }

 private:
  std::unique_ptr<TrialKpis> take() {
    const std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<TrialKpis>();
    auto kpis = std::move(free_.back());
    free_.pop_back();
    return kpis;
  }
  void give_back(std::unique_ptr<TrialKpis> kpis) {
    const std::lock_guard lock(mutex_);
    free_.push_back(std::move(kpis));
  }

  std::mutex mutex_;
  std::vector<std::unique_ptr<TrialKpis>> free_;
};

}  // namespace splitsim
