// One split's trials spread over the processes of a group (Engine::spread_trials_over): each simulates a
// contiguous run of whole blocks, then all of them exchange what they made, column by column. Every figure
// of a trial depends on the split and the trial's address only, so after the exchange every process holds
// the bits one process would have made, and everything above the engine runs on them unchanged.
#pragma once

#include <array>
#include <cstddef>
#include <exception>
#include <string>

#include "base/process_group.hpp"
#include "engine/trial_kpis.hpp"

namespace splitsim {

// The trials process `rank` of `size` simulates: its run of the whole blocks of `block_trials` (run_of), so
// trials [first, last) with first on a block's start. A process may get none when there are fewer blocks
// than processes.
RankRun trials_of(std::size_t rank, std::size_t size, std::size_t trials, std::size_t block_trials);

// Which per-trial columns an exchange carries: with `totals_only`, only the totals of the KPIs it marks (what
// a search's step reads); otherwise every column. The others then hold this process's trials only, and
// `kpis.partial` says so.
using KpiMask = std::array<bool, kKpiCount>;

// An engine's memory for its exchanges, kept from split to split so that exchanges reuse it.
struct TrialExchangeBuffers {
  std::string sent;
  Gathered gathered;
};

// Every process passes `kpis` with its own range filled in (and `failure` if simulating it threw); after the
// exchange every process holds every trial's figures in the columns exchanged. If any process failed, every
// process throws the failure of the lowest such rank instead (gather_or_fail), so that no process waits in
// a later exchange for one that gave up.
void exchange_trials(const ProcessGroup& group, TrialKpis& kpis, std::size_t block_trials,
                     std::exception_ptr failure, const KpiMask* totals_only, TrialExchangeBuffers& buffers);

}  // namespace splitsim
