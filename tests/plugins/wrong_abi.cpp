// A plugin built for another ABI version: the runner must refuse it before calling its factory.
#include <splitsim/splitsim.hpp>

extern "C" BOOST_SYMBOL_EXPORT std::uint32_t splitsim_abi_version() { return splitsim::kAbiVersion + 41; }
extern "C" BOOST_SYMBOL_EXPORT splitsim::Platform* splitsim_create_platform() {
  throw std::logic_error("the factory of a wrong-ABI plugin must never be called");
}
