// The plugin conformance suite: the properties every platform plugin must have, checked with figures.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plugins/plugin_registry.hpp"

namespace splitsim {

// The outcome of one property.
struct PropertyResult {
  std::string property;  // e.g. "monotone in spend"
  bool passed = false;
  std::string detail;  // the figures behind the verdict, or what failed
};

struct ConformanceReport {
  std::string plugin;
  std::vector<PropertyResult> results;
  bool all_passed() const;
  // One line per property: "PASS  name: detail" or "FAIL  name: detail".
  std::string to_string() const;
};

struct ConformanceOptions {
  std::uint64_t trials = 256;  // trials per simulated block
  std::size_t periods = 12;    // periods per block
  std::uint64_t seed = 20261123;
  int threads = 4;  // concurrent callers in the thread-safety check
};

// Runs every property on a loaded plugin with its default parameters. Never throws: a plugin exception is
// a failed property with the exception's message.
ConformanceReport check_conformance(const LoadedPlugin& plugin, const ConformanceOptions& options = {});

}  // namespace splitsim
