#include "scenario/parameter_distribution.hpp"

namespace splitsim {

Distribution to_distribution(const v1::Parameter& parameter) {
  switch (parameter.value_case()) {
    case v1::Parameter::kUniform:
      return Distribution::uniform(parameter.uniform().min(), parameter.uniform().max());
    case v1::Parameter::kNormal:
      return Distribution::normal(parameter.normal().mean(), parameter.normal().sd());
    case v1::Parameter::kLogNormal:
      return Distribution::log_normal(parameter.log_normal().median(), parameter.log_normal().sigma());
    case v1::Parameter::kBeta:
      return Distribution::beta(parameter.beta().alpha(), parameter.beta().beta());
    default:
      return Distribution::fixed(parameter.fixed());
  }
}

}  // namespace splitsim
