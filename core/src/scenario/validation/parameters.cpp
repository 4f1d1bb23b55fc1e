// Checks a channel's parameters: known to its plugin, set once, and a valid distribution inside the range.
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/did_you_mean.hpp"
#include "scenario/limits.hpp"
#include "scenario/parameter_distribution.hpp"
#include "scenario/validation/sections.hpp"

namespace splitsim::validation {
namespace {

// One parameter's declared range, and how its violations are reported.
struct SpecRange {
  const ParamSpec& spec;
  Problems& problems;

  bool outside(double value) const { return value < spec.min || value > spec.max; }
  std::string text() const { return "[" + num(spec.min) + ", " + num(spec.max) + "] " + spec.unit; }
  void report_outside(const FieldPath& where, const std::string& what, double value) const {
    problems.add(
        where, what + " " + num(value) + " is outside the valid range " + text() + " of '" + spec.name + "'");
  }
  // Infinite or NaN arguments make every later comparison meaningless: callers stop at the first.
  bool finite(const FieldPath& where, double value) const {
    if (std::isfinite(value)) return true;
    problems.add(where, "must be a finite number");
    return false;
  }
};

void check_fixed(double value, const FieldPath& where, const SpecRange& range) {
  if (range.finite(where, value) && range.outside(value)) range.report_outside(where, "value", value);
}

void check_uniform(const v1::Uniform& u, const FieldPath& where, const SpecRange& range) {
  if (!range.finite(where.child("min"), u.min()) || !range.finite(where.child("max"), u.max())) return;
  if (!(u.min() < u.max())) {
    range.problems.add(where, "min " + num(u.min()) + " must be below max " + num(u.max()));
  } else if (u.min() < range.spec.min || u.max() > range.spec.max) {
    range.problems.add(where, "[" + num(u.min()) + ", " + num(u.max()) + "] is not inside the valid range " +
                                  range.text() + " of '" + range.spec.name + "'");
  }
}

void check_normal(const v1::Normal& n, const FieldPath& where, const SpecRange& range) {
  if (!range.finite(where.child("mean"), n.mean()) || !range.finite(where.child("sd"), n.sd())) return;
  if (!(n.sd() > 0.0)) range.problems.add(where.child("sd"), "must be > 0 (got " + num(n.sd()) + ")");
  // Draws reach about 8.2 standard deviations from the mean (the quantile of the smallest uniform draw,
  // 2^-53).
  if (!std::isfinite(std::abs(n.mean()) + 10.0 * n.sd())) {
    range.problems.add(where.child("sd"), "is so large that draws overflow (got " + num(n.sd()) +
                                              "): the mean +- 10 sd must be finite numbers");
  }
  if (range.outside(n.mean())) range.report_outside(where.child("mean"), "mean", n.mean());
}

// `{ mean sd }` instead of `{ median sigma }`: checked as the median and sigma it stands for, so the limits
// on sigma hold for both forms.
void check_log_normal_by_mean(const v1::LogNormal& l, const FieldPath& where, const SpecRange& range) {
  if (l.median() != 0.0 || l.sigma() != 0.0) {
    range.problems.add(where, "give either median and sigma, or mean and sd, not both");
    return;
  }
  if (!l.has_mean() || !l.has_sd()) {
    range.problems.add(where.child(l.has_mean() ? "sd" : "mean"), "is needed: give both mean and sd");
    return;
  }
  if (!range.finite(where.child("mean"), l.mean()) || !range.finite(where.child("sd"), l.sd())) return;
  bool ok = true;
  for (const auto& [field, value] : {std::pair{"mean", l.mean()}, std::pair{"sd", l.sd()}}) {
    if (!(value > 0.0)) {
      range.problems.add(where.child(field), "must be > 0 (got " + num(value) + ")");
      ok = false;
    }
  }
  if (!ok) return;
  if (range.outside(l.mean())) range.report_outside(where.child("mean"), "mean", l.mean());
  const auto d = log_normal_from_mean_sd(l.mean(), l.sd());
  if (!std::isfinite(d.b) || d.b > kMaxLogNormalSigma) {
    range.problems.add(where.child("sd"), "is too large for the mean (sd " + num(l.sd()) + ", mean " +
                                              num(l.mean()) + " give a sigma of " + num(d.b) + ", above " +
                                              num(kMaxLogNormalSigma) + ")");
  }
}

void check_log_normal(const v1::LogNormal& l, const FieldPath& where, const SpecRange& range) {
  if (l.has_mean() || l.has_sd()) return check_log_normal_by_mean(l, where, range);
  if (!range.finite(where.child("median"), l.median()) || !range.finite(where.child("sigma"), l.sigma())) {
    return;
  }
  if (!(l.median() > 0.0)) {
    range.problems.add(where.child("median"), "must be > 0 (got " + num(l.median()) + ")");
  } else if (range.outside(l.median())) {
    range.report_outside(where.child("median"), "median", l.median());
  }
  if (!(l.sigma() > 0.0)) {
    range.problems.add(where.child("sigma"), "must be > 0 (got " + num(l.sigma()) + ")");
  } else if (l.sigma() > kMaxLogNormalSigma) {
    range.problems.add(where.child("sigma"), "must be at most " + num(kMaxLogNormalSigma) + " (got " +
                                                 num(l.sigma()) +
                                                 "): at 10 the P95 is already 14 million times the median");
  }
}

void check_beta(const v1::Beta& b, const FieldPath& where, const SpecRange& range) {
  if (!range.finite(where.child("alpha"), b.alpha()) || !range.finite(where.child("beta"), b.beta())) return;
  bool ok = true;
  if (!(b.alpha() > 0.0)) {
    range.problems.add(where.child("alpha"), "must be > 0 (got " + num(b.alpha()) + ")");
    ok = false;
  }
  if (!(b.beta() > 0.0)) {
    range.problems.add(where.child("beta"), "must be > 0 (got " + num(b.beta()) + ")");
    ok = false;
  }
  // A beta lives in [0, 1]: only a narrower declared range can exclude it, judged by its mean.
  if (ok && (range.spec.min > 0.0 || range.spec.max < 1.0)) {
    const double mean = b.alpha() / (b.alpha() + b.beta());
    if (range.outside(mean)) range.report_outside(where, "mean", mean);
  }
}

// A rate by its mean and one of sd or concentration; an sd the mean cannot have names the largest it can.
void check_beta_mean(const v1::BetaMean& b, const FieldPath& where, const SpecRange& range) {
  if (!range.finite(where.child("mean"), b.mean())) return;
  if (!(b.mean() > 0.0 && b.mean() < 1.0)) {
    range.problems.add(where.child("mean"), "must be a rate between 0 and 1, both excluded (got " +
                                                num(b.mean()) + "); e.g. 0.011 for 1.1%");
    return;
  }
  if (b.has_sd() == b.has_concentration()) {
    range.problems.add(where, "give exactly one of sd or concentration with the mean");
    return;
  }
  if (b.has_sd()) {
    if (!range.finite(where.child("sd"), b.sd())) return;
    const double largest = largest_beta_sd(b.mean());
    if (!(b.sd() > 0.0)) {
      range.problems.add(where.child("sd"), "must be > 0 (got " + num(b.sd()) + ")");
      return;
    }
    if (!(b.sd() < largest)) {
      range.problems.add(where.child("sd"), "is too large for a rate of mean " + num(b.mean()) +
                                                ": it must be below " + num(largest) +
                                                " (sqrt(mean (1 - mean))); got " + num(b.sd()));
      return;
    }
  } else {
    if (!range.finite(where.child("concentration"), b.concentration())) return;
    if (!(b.concentration() > 0.0)) {
      range.problems.add(where.child("concentration"),
                         "must be > 0 (alpha + beta; got " + num(b.concentration()) + ")");
      return;
    }
  }
  if (range.outside(b.mean())) range.report_outside(where.child("mean"), "mean", b.mean());
}

// Distribution arguments: their own validity, then against the plugin's declared range.
void check_value(const v1::Parameter& parameter, const ParamSpec& spec, const FieldPath& path,
                 Problems& problems) {
  const SpecRange range{spec, problems};
  switch (parameter.value_case()) {
    case v1::Parameter::kFixed:
      return check_fixed(parameter.fixed(), path.child("fixed"), range);
    case v1::Parameter::kUniform:
      return check_uniform(parameter.uniform(), path.child("uniform"), range);
    case v1::Parameter::kNormal:
      return check_normal(parameter.normal(), path.child("normal"), range);
    case v1::Parameter::kLogNormal:
      return check_log_normal(parameter.log_normal(), path.child("log_normal"), range);
    case v1::Parameter::kBeta:
      return check_beta(parameter.beta(), path.child("beta"), range);
    case v1::Parameter::kBetaMean:
      return check_beta_mean(parameter.beta_mean(), path.child("beta_mean"), range);
    case v1::Parameter::VALUE_NOT_SET:
      problems.add(path, "has no value: give one of fixed, uniform, normal, log_normal, beta, beta_mean");
      return;
  }
}

}  // namespace

void check_parameters(const v1::Channel& channel, const LoadedPlugin& plugin, const FieldPath& path,
                      Problems& problems) {
  std::vector<std::string> names;
  for (const auto& candidate : plugin.info.params) names.push_back(candidate.name);
  std::set<std::string> seen;
  for (int i = 0; i < channel.params_size(); ++i) {
    const auto& parameter = channel.params(i);
    const auto param_path = path.child("params", i);
    const ParamSpec* spec = nullptr;
    for (const auto& candidate : plugin.info.params) {
      if (candidate.name == parameter.name()) spec = &candidate;
    }
    if (!spec) {
      problems.add(param_path.child("name"),
                   "plugin '" + channel.plugin() + "' has no parameter '" + parameter.name() + "'" +
                       did_you_mean(parameter.name(), names) + "; its parameters: " + known_names(names));
      continue;
    }
    if (!seen.insert(parameter.name()).second) {
      problems.add(param_path.child("name"), "parameter '" + parameter.name() + "' is set twice");
      continue;
    }
    check_value(parameter, *spec, param_path, problems);
  }
}

}  // namespace splitsim::validation
