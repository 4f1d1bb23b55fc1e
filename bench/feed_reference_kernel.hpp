// The bundled feed model written by hand for speed alone: structure of arrays, 64 trials at a time, glibc's
// vector math (libmvec) through `omp simd` loops compiled with -ffast-math. Not deterministic across machines
// and not used by splitsim: it is the yardstick feed_kernel_bench measures the plugin against.
#pragma once

#include <splitsim/output_buffers.hpp>
#include <splitsim/simulation_block.hpp>

namespace splitsim::bench {

void simulate_feed_reference(const SimulationBlock& block, const OutputBuffers& out);

}  // namespace splitsim::bench
