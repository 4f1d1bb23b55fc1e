#include "feed_defaults.hpp"

#include <utility>

namespace splitsim::plugins {

FeedDefaults::FeedDefaults(std::string name, std::string version, std::string description)
    : name(std::move(name)), version(std::move(version)), description(std::move(description)) {
  for (std::size_t p = 0; p < params.size(); ++p) {
    const FeedParameter& schema = feed_parameter(static_cast<FeedParam>(p));
    params[p].name = schema.name;
    params[p].unit = schema.unit;
    params[p].min = schema.min;
    params[p].max = schema.max;
  }
}

void FeedDefaults::set(FeedParam p, Distribution value, std::string help) {
  params[p].default_value = value;
  params[p].help = std::move(help);
  has_default.set(p);
}

void FeedDefaults::set_unit(FeedParam p, std::string unit) { params[p].unit = std::move(unit); }

void FeedDefaults::set_range(FeedParam p, double min, double max) {
  params[p].min = min;
  params[p].max = max;
}

void FeedDefaults::set_user_base(double people) {
  params[kAudience].max = people;
  params[kFollowers].max = people;
}

}  // namespace splitsim::plugins
