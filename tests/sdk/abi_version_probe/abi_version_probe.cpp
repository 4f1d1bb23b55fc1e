#include <splitsim/abi.hpp>

static_assert(CONFIG_ABI_VERSION == splitsim::kAbiVersion,
              "splitsimConfig.cmake's SPLITSIM_ABI_VERSION differs from kAbiVersion in splitsim/abi.hpp");
