// A grid's candidates written away as they are simulated, so that a run's memory does not grow with the
// grid: each candidate's bytes (its part of the results file, exactly) go to an unlinked temporary file,
// and only what ranks it stays in memory. The results file is then written from here, a candidate at a
// time, and the views read back the few candidates they print.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "search/candidate_source.hpp"

namespace splitsim {

class CandidateSpool final : public CandidateSource {
 public:
  // `count` candidates, ranked by `objective`; the file is made in `folder` (the system's temporary
  // folder by default) and removed from it at once, so nothing is left behind however the run ends.
  // Throws std::runtime_error naming the folder when it cannot.
  CandidateSpool(std::size_t count, Objective objective,
                 const std::filesystem::path& folder = std::filesystem::temp_directory_path());
  ~CandidateSpool() override;
  CandidateSpool(const CandidateSpool&) = delete;
  CandidateSpool& operator=(const CandidateSpool&) = delete;

  // Keeps the candidate at `position`; safe to call from several threads, each position once.
  void store(std::size_t position, const v1::Candidate& candidate);

  std::size_t size() const override { return entries_.size(); }
  v1::Candidate at(std::size_t position) const override;
  RankKey key(std::size_t position) const override { return entries_[position].key; }
  std::string bytes(std::size_t position) const override;

 private:
  struct Entry {
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
    bool stored = false;
    RankKey key;
  };
  [[noreturn]] void fail(const std::string& what) const;

  int fd_ = -1;
  std::filesystem::path folder_;
  Objective objective_;
  std::vector<Entry> entries_;
  std::mutex append_;
  std::uint64_t end_ = 0;
};

}  // namespace splitsim
