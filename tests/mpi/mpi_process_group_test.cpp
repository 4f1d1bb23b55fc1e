// MpiProcessGroup itself, on real ranks (run as `mpirun -n 3 test_mpi_process_group`): every rank's bytes
// in rank order, once or in rounds when an exchange is larger than one MPI_Allgatherv may carry, and a
// failure on one rank thrown on every rank by gather_or_fail.
#include "mpi/mpi_process_group.hpp"

#include <gtest/gtest.h>
#include <mpi.h>

#include <string>

#include "base/errors.hpp"
#include "base/gather_or_fail.hpp"

namespace splitsim {
namespace {

// Rank r's bytes: `length` of them, each telling its rank and position.
std::string bytes_of(std::size_t rank, std::size_t length) {
  std::string bytes(length, '\0');
  for (std::size_t i = 0; i < length; ++i) bytes[i] = static_cast<char>((rank * 31 + i * 7) % 251);
  return bytes;
}

void expect_every_ranks_bytes(const MpiProcessGroup& group, std::size_t (*length)(std::size_t)) {
  Gathered gathered;
  for (int repeat = 0; repeat < 2; ++repeat) {  // the second reuses the buffer
    group.all_gather(bytes_of(group.rank(), length(group.rank())), gathered);
    ASSERT_EQ(gathered.offsets.size(), group.size() + 1);
    for (std::size_t r = 0; r < group.size(); ++r)
      EXPECT_EQ(gathered.part(r), bytes_of(r, length(r))) << "rank " << r << "'s bytes on " << group.rank();
  }
}

TEST(MpiProcessGroup, EveryRankGetsEveryRanksBytesInRankOrder) {
  const MpiProcessGroup group;
  ASSERT_GE(group.size(), 2u) << "run under mpirun -n 2 or more";
  expect_every_ranks_bytes(group, [](std::size_t r) { return r * 37 + 5; });
  expect_every_ranks_bytes(group, [](std::size_t r) { return r == 1 ? std::size_t{0} : 1000 + r; });
}

// Rounds of 16 bytes in all stand in for MPI's 2 GiB: ranks of 0 to about 300 bytes take up to 60 rounds.
TEST(MpiProcessGroup, AnExchangeLargerThanOneRoundArrivesWholeInRounds) {
  const MpiProcessGroup group(16);
  expect_every_ranks_bytes(group, [](std::size_t r) { return r == 1 ? std::size_t{0} : 97 * r + 101; });
  expect_every_ranks_bytes(group, [](std::size_t r) { return r * 5 + 1; });  // a round, then shorter ones
}

TEST(MpiProcessGroup, AFailureOnOneRankIsThrownOnEveryRank) {
  const MpiProcessGroup group;
  std::exception_ptr failure;
  if (group.rank() == 1) failure = std::make_exception_ptr(PluginError("meta", "model exploded"));
  Gathered gathered;
  try {
    gather_or_fail(group, "figures", failure, gathered);
    ADD_FAILURE() << "rank " << group.rank() << " did not throw";
  } catch (const PluginError& e) {
    EXPECT_EQ(e.plugin(), "meta");
    EXPECT_STREQ(e.what(), "plugin 'meta': model exploded");
  }
  // And the next exchange still pairs up.
  gather_or_fail(group, bytes_of(group.rank(), 3), nullptr, gathered);
  EXPECT_EQ(gathered.part(0), bytes_of(0, 3));
}

}  // namespace
}  // namespace splitsim

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  testing::InitGoogleTest(&argc, argv);
  int result = RUN_ALL_TESTS();
  int worst = result;
  MPI_Allreduce(&result, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Finalize();
  return worst;
}
