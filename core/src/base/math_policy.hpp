// The Boost.Math policy of every distribution function splitsim evaluates per trial.
#pragma once

#include <boost/math/policies/policy.hpp>

namespace splitsim {

// Boost.Math's default policy evaluates double functions in long double: about seven times slower for
// parameter draws, for values that agree to about 1e-13, and long double is not the same type on every
// architecture (80-bit on x86-64, 128-bit on AArch64). Double throughout is faster and the same everywhere.
using MathPolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

}  // namespace splitsim
