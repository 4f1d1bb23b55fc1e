// Which currency a plugin parameter's amounts are in, read from its unit text: the SDK has no currency field
// (an ABI change), so the convention is that a money unit starts with the ISO 4217 code, e.g. "USD per 1000
// impressions". A unit starting "money" is in the scenario's own currency.
#pragma once

#include <string>
#include <string_view>

namespace splitsim {

// "USD" for "USD per 1000 impressions"; "" when the unit does not start with a three-letter upper-case code
// followed by a space or its end.
std::string currency_of_unit(std::string_view unit);

}  // namespace splitsim
