#include "run/currency_notice.hpp"

#include <map>

#include "base/money_unit.hpp"

namespace splitsim {

std::vector<std::string> currency_warnings(const ResolvedScenario& scenario) {
  std::map<std::string, std::string> parameters_by_currency;  // ordered: the same text on every run
  for (const auto& channel : scenario.channels) {
    for (const auto& parameter : channel.parameters) {
      // resolve rewrote every unit whose amounts are in the budget's currency: one naming another is not.
      const auto currency = currency_of_unit(parameter.spec.unit);
      if (currency.empty() || currency == scenario.currency) continue;
      auto& names = parameters_by_currency[currency];
      names += (names.empty() ? "" : ", ") + channel.name + "." + parameter.spec.name;
    }
  }
  std::vector<std::string> warnings;
  for (const auto& [currency, names] : parameters_by_currency) {
    warnings.push_back("plugin defaults in " + currency + " are used as " + scenario.currency +
                       " without conversion (" + names + "): give budget { exchange_rates { currency: \"" +
                       currency + "\" per_budget_unit: ... } } or set these parameters in " +
                       scenario.currency);
  }
  return warnings;
}

}  // namespace splitsim
