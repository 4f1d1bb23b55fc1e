// A library exporting the ABI version but no factory.
#include <splitsim/splitsim.hpp>

extern "C" BOOST_SYMBOL_EXPORT std::uint32_t splitsim_abi_version() { return splitsim::kAbiVersion; }
