// Processes of a group (base/process_group.hpp) played by threads of one test: all_gather meets at a barrier.
#pragma once

#include <barrier>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "base/process_group.hpp"

namespace splitsim::testing {

// K processes played by K threads: all_gather meets at a barrier.
class ThreadGroup {
 public:
  explicit ThreadGroup(std::size_t size) : slots_(size), sync_(static_cast<std::ptrdiff_t>(size)) {}

  class Member : public ProcessGroup {
   public:
    Member(ThreadGroup& group, std::size_t rank) : group_(group), rank_(rank) {}
    std::size_t rank() const override { return rank_; }
    std::size_t size() const override { return group_.slots_.size(); }
    void all_gather(std::string_view mine, Gathered& into) const override {
      group_.slots_[rank_] = std::string(mine);
      group_.sync_.arrive_and_wait();
      into.bytes.clear();
      into.offsets = {0};
      for (const auto& slot : group_.slots_) {
        into.bytes += slot;
        into.offsets.push_back(into.bytes.size());
      }
      group_.sync_.arrive_and_wait();  // every process has read before any writes again
    }
    using ProcessGroup::all_gather;

   private:
    ThreadGroup& group_;
    std::size_t rank_;
  };

  // Runs `fn(rank, member)` on one thread per process and waits for all.
  void run(const std::function<void(std::size_t, const Member&)>& fn) {
    std::vector<Member> members;
    for (std::size_t r = 0; r < slots_.size(); ++r) members.emplace_back(*this, r);
    std::vector<std::thread> threads;
    for (std::size_t r = 0; r < slots_.size(); ++r) threads.emplace_back([&, r] { fn(r, members[r]); });
    for (auto& t : threads) t.join();
  }

 private:
  std::vector<std::string> slots_;
  std::barrier<> sync_;
};

}  // namespace splitsim::testing
