// A grid's candidates spread over processes (played by threads): each process's contiguous run, gathered
// in index order with every double's bits; a process that failed fails every process alike.
#include "run/candidate_exchange.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "base/errors.hpp"
#include "thread_group.hpp"

namespace splitsim {
namespace {

using testing::ThreadGroup;

v1::Candidate candidate(std::size_t i) {
  v1::Candidate c;
  c.set_index(static_cast<std::uint32_t>(i));
  c.set_objective_value(std::nextafter(1.0 / 3.0 + static_cast<double>(i), 0.0));  // no short decimal
  return c;
}

TEST(CandidateExchange, RunsCoverTheCandidatesOnceInRankOrderAsEvenlyAsTheyDivide) {
  for (const std::size_t total : {0u, 1u, 5u, 4375u}) {
    for (const std::size_t size : {1u, 2u, 3u, 8u}) {
      std::size_t next = 0;
      for (std::size_t r = 0; r < size; ++r) {
        const auto run = candidates_of(r, size, total);
        EXPECT_EQ(run.first, next);
        EXPECT_LE(run.last - run.first, total / size + 1);
        EXPECT_GE(run.last - run.first, total / size);
        next = run.last;
      }
      EXPECT_EQ(next, total);
    }
  }
}

TEST(CandidateExchange, EveryProcessGetsEveryCandidateInIndexOrderWithItsBits) {
  for (const std::size_t processes : {2u, 3u}) {
    const std::size_t total = 11;
    ThreadGroup group(processes);
    std::vector<std::vector<v1::Candidate>> got(processes);
    group.run([&](std::size_t rank, const ProcessGroup& member) {
      const auto run = candidates_of(rank, processes, total);
      std::vector<v1::Candidate> mine;
      for (std::size_t i = run.first; i < run.last; ++i) mine.push_back(candidate(i));
      all_candidates(member, mine, total, [&](std::size_t i, const v1::Candidate& c) {
        EXPECT_EQ(i, got[rank].size()) << "in index order";
        got[rank].push_back(c);
      });
    });
    for (std::size_t r = 0; r < processes; ++r) {
      ASSERT_EQ(got[r].size(), total);
      for (std::size_t i = 0; i < total; ++i) {
        EXPECT_EQ(got[r][i].index(), i);
        EXPECT_EQ(got[r][i].objective_value(), candidate(i).objective_value());  // bit for bit
      }
    }
  }
}

TEST(CandidateExchange, AProcessThatFailedFailsEveryProcessWithItsPluginAndMessage) {
  ThreadGroup group(3);
  std::vector<std::string> said(3);
  group.run([&](std::size_t rank, const ProcessGroup& member) {
    std::exception_ptr failure;
    if (rank >= 1) failure = std::make_exception_ptr(PluginError("tiktok", "rank " + std::to_string(rank)));
    try {
      all_candidates(
          member, {}, 6, [](std::size_t, const v1::Candidate&) {}, failure);
      said[rank] = "no error";
    } catch (const PluginError& e) {
      said[rank] = e.plugin() + ": " + e.what();
    }
  });
  for (const auto& s : said) EXPECT_EQ(s, "tiktok: plugin 'tiktok': rank 1") << "the lowest rank's failure";
}

}  // namespace
}  // namespace splitsim
