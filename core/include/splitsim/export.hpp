// SPLITSIM_PLUGIN(Class): exports the ABI version and the factory of a plugin library.
#pragma once

#include <boost/config.hpp>
#include <cstdint>

#include "splitsim/abi.hpp"
#include "splitsim/platform.hpp"

// Use once in one source file of the plugin, with a default-constructible splitsim::Platform subclass.
// Exports exactly two C symbols (plain functions rather than Boost.DLL aliases, so that nothing else becomes
// visible from a library built with hidden visibility). The runner calls splitsim_abi_version() first and
// calls the factory only when it matches; it owns the returned object and deletes it through the virtual
// destructor.
#define SPLITSIM_PLUGIN(PlatformClass)                                                                    \
  extern "C" BOOST_SYMBOL_EXPORT std::uint32_t splitsim_abi_version() { return ::splitsim::kAbiVersion; } \
  extern "C" BOOST_SYMBOL_EXPORT ::splitsim::Platform* splitsim_create_platform() {                       \
    return new PlatformClass();                                                                           \
  }
