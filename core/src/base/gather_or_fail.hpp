// An exchange between the processes of a group in which any of them may have failed: every process gets
// every process's bytes, or, if one failed, every process throws the same failure. A process that threw and
// left the exchange would leave the others waiting in it for ever.
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "base/process_group.hpp"

namespace splitsim {

// Each process passes its bytes, or `failure` if making them threw. Fills `into` with every process's bytes;
// if any process failed, every process throws the failure of the lowest such rank instead: that process
// rethrows its own, and the others an equal one (a PluginError naming the same plugin and message, Cancelled,
// or a std::runtime_error with its message and rank). One small exchange says who failed first.
void gather_or_fail(const ProcessGroup& group, std::string_view mine, std::exception_ptr failure,
                    Gathered& into);

}  // namespace splitsim
