#include "scenario/scenario_validator.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "base/errors.hpp"
#include "base/kpi.hpp"
#include "scenario/limits.hpp"
#include "scenario/money_bounds.hpp"
#include "scenario/share_bounds.hpp"
#include "scenario/team_plan.hpp"

namespace splitsim {
namespace {

std::string num(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

// Accumulates problems with their location; one instance per validation.
class Problems {
 public:
  static constexpr std::size_t kMaxReported = 50;

  explicit Problems(const LoadedScenario& loaded) : loaded_(loaded) {}
  void add(const FieldPath& path, std::string message) {
    problems_.push_back({loaded_.file, loaded_.source.line_of(path), path.to_string(), std::move(message)});
  }
  void throw_if_any() {
    if (problems_.empty()) return;
    // A generated file can repeat one mistake thousands of times: the first ones say what to fix.
    if (problems_.size() > kMaxReported) {
      const auto more = problems_.size() - kMaxReported;
      problems_.resize(kMaxReported);
      problems_.push_back({loaded_.file, 0, "", "... and " + std::to_string(more) + " more problems"});
    }
    throw InputError(std::move(problems_));
  }

 private:
  const LoadedScenario& loaded_;
  std::vector<InputProblem> problems_;
};

void check_bounds(const v1::ShareBounds& bounds, const FieldPath& path, Problems& problems) {
  const double min = bounds.has_min() ? bounds.min() : 0.0;
  const double max = bounds.has_max() ? bounds.max() : 1.0;
  bool ok = true;
  if (!(min >= 0.0 && min <= 1.0)) {
    problems.add(path.child("min"), "must be a share between 0 and 1 (got " + num(min) + ")");
    ok = false;
  }
  if (!(max >= 0.0 && max <= 1.0)) {
    problems.add(path.child("max"), "must be a share between 0 and 1 (got " + num(max) + ")");
    ok = false;
  }
  if (ok && min > max) problems.add(path, "min " + num(min) + " is greater than max " + num(max));
}

// Distribution arguments: their own validity, then against the plugin's declared range.
void check_parameter_value(const v1::Parameter& parameter, const ParamSpec& spec, const FieldPath& path,
                           Problems& problems) {
  const std::string range = "[" + num(spec.min) + ", " + num(spec.max) + "] " + spec.unit;
  auto outside = [&](const FieldPath& where, const std::string& what, double value) {
    problems.add(
        where, what + " " + num(value) + " is outside the valid range " + range + " of '" + spec.name + "'");
  };
  auto finite = [&](const FieldPath& where, double value) {
    if (std::isfinite(value)) return true;
    problems.add(where, "must be a finite number");
    return false;
  };
  switch (parameter.value_case()) {
    case v1::Parameter::kFixed: {
      const auto where = path.child("fixed");
      if (finite(where, parameter.fixed()) &&
          (parameter.fixed() < spec.min || parameter.fixed() > spec.max)) {
        outside(where, "value", parameter.fixed());
      }
      break;
    }
    case v1::Parameter::kUniform: {
      const auto where = path.child("uniform");
      const auto& u = parameter.uniform();
      if (!finite(where.child("min"), u.min()) || !finite(where.child("max"), u.max())) break;
      if (!(u.min() < u.max())) {
        problems.add(where, "min " + num(u.min()) + " must be below max " + num(u.max()));
      } else if (u.min() < spec.min || u.max() > spec.max) {
        problems.add(where, "[" + num(u.min()) + ", " + num(u.max()) + "] is not inside the valid range " +
                                range + " of '" + spec.name + "'");
      }
      break;
    }
    case v1::Parameter::kNormal: {
      const auto where = path.child("normal");
      const auto& n = parameter.normal();
      if (!finite(where.child("mean"), n.mean()) || !finite(where.child("sd"), n.sd())) break;
      if (!(n.sd() > 0.0)) problems.add(where.child("sd"), "must be > 0 (got " + num(n.sd()) + ")");
      if (n.mean() < spec.min || n.mean() > spec.max) outside(where.child("mean"), "mean", n.mean());
      break;
    }
    case v1::Parameter::kLogNormal: {
      const auto where = path.child("log_normal");
      const auto& l = parameter.log_normal();
      if (!finite(where.child("median"), l.median()) || !finite(where.child("sigma"), l.sigma())) break;
      if (!(l.median() > 0.0)) {
        problems.add(where.child("median"), "must be > 0 (got " + num(l.median()) + ")");
      } else if (l.median() < spec.min || l.median() > spec.max) {
        outside(where.child("median"), "median", l.median());
      }
      if (!(l.sigma() > 0.0)) problems.add(where.child("sigma"), "must be > 0 (got " + num(l.sigma()) + ")");
      break;
    }
    case v1::Parameter::kBeta: {
      const auto where = path.child("beta");
      const auto& b = parameter.beta();
      if (!finite(where.child("alpha"), b.alpha()) || !finite(where.child("beta"), b.beta())) break;
      bool ok = true;
      if (!(b.alpha() > 0.0)) {
        problems.add(where.child("alpha"), "must be > 0 (got " + num(b.alpha()) + ")");
        ok = false;
      }
      if (!(b.beta() > 0.0)) {
        problems.add(where.child("beta"), "must be > 0 (got " + num(b.beta()) + ")");
        ok = false;
      }
      if (ok && (spec.min > 0.0 || spec.max < 1.0)) {
        const double mean = b.alpha() / (b.alpha() + b.beta());
        if (mean < spec.min || mean > spec.max) outside(where, "mean", mean);
      }
      break;
    }
    case v1::Parameter::VALUE_NOT_SET:
      problems.add(path, "has no value: give one of fixed, uniform, normal, log_normal, beta");
      break;
  }
}

std::string known_names(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "(none)" : text;
}

void check_channel(const v1::Channel& channel, const FieldPath& path, bool organic_possible, bool has_team,
                   const PluginRegistry& registry, Problems& problems) {
  if (channel.name().empty()) problems.add(path.child("name"), "a channel needs a name");
  check_bounds(channel.paid_share(), path.child("paid_share"), problems);
  check_bounds(channel.organic_share(), path.child("organic_share"), problems);

  const double cost = channel.organic().cost_per_post();
  if (!std::isfinite(cost) || cost < 0.0) {
    problems.add(path.child("organic").child("cost_per_post"),
                 "must be a finite amount >= 0 (got " + num(cost) + ")");
  } else if (has_team && cost > 0.0) {
    problems.add(path.child("organic").child("cost_per_post"),
                 "with a team, posts are priced by the team's hours: remove cost_per_post and give the post "
                 "format instead, e.g. organic { format: VIDEO }");
  } else if (!has_team && organic_possible && bound_max(channel.organic_share()) > 0.0 && cost == 0.0) {
    problems.add(path.child("organic").child("cost_per_post"),
                 "is required (> 0) because this channel can receive organic budget; set organic_share "
                 "{ max: 0 } to keep it paid only, or describe the team (team { preset: \"solo\" })");
  }

  if (channel.plugin().empty()) {
    problems.add(path.child("plugin"), "a channel needs a plugin (see `splitsim plugins list`)");
    return;
  }
  const auto* plugin = registry.find(channel.plugin());
  if (!plugin) {
    std::vector<std::string> names;
    for (const auto& loaded : registry.plugins()) names.push_back(loaded.info.name);
    std::string message = "unknown plugin '" + channel.plugin() + "'; available: " + known_names(names);
    if (const auto* failure = registry.failure_for(channel.plugin())) {
      message += "; note: " + failure->to_string();
    }
    problems.add(path.child("plugin"), message);
    return;
  }
  std::set<std::string> seen;
  for (int i = 0; i < channel.params_size(); ++i) {
    const auto& parameter = channel.params(i);
    const auto param_path = path.child("params", i);
    const ParamSpec* spec = nullptr;
    std::vector<std::string> names;
    for (const auto& candidate : plugin->info.params) {
      names.push_back(candidate.name);
      if (candidate.name == parameter.name()) spec = &candidate;
    }
    if (!spec) {
      problems.add(param_path.child("name"), "plugin '" + channel.plugin() + "' has no parameter '" +
                                                 parameter.name() +
                                                 "'; its parameters: " + known_names(names));
      continue;
    }
    if (!seen.insert(parameter.name()).second) {
      problems.add(param_path.child("name"), "parameter '" + parameter.name() + "' is set twice");
      continue;
    }
    check_parameter_value(parameter, *spec, param_path, problems);
  }
}

// Channel shares must be able to sum to exactly 1 within their bounds.
void check_shares_can_sum(const v1::Scenario& scenario, bool paid, Problems& problems) {
  double min_sum = 0.0, max_sum = 0.0;
  for (const auto& channel : scenario.channels()) {
    const auto& bounds = paid ? channel.paid_share() : channel.organic_share();
    min_sum += bound_min(bounds);
    max_sum += bound_max(bounds);
  }
  const std::string which = paid ? "paid_share" : "organic_share";
  const FieldPath channels = FieldPath().child("channels", 0);
  if (min_sum > 1.0 + 1e-9) {
    problems.add(channels.child(which), "the channels' minimum " + which + "s add up to " + num(min_sum) +
                                            ", more than the whole budget (1)");
  }
  if (max_sum < 1.0 - 1e-9) {
    problems.add(channels.child(which), "the channels' maximum " + which + "s add up to " + num(max_sum) +
                                            ", so the budget cannot be fully allocated");
  }
}

void check_step(double step, const FieldPath& path, bool must_divide_one, Problems& problems) {
  if (!(step >= kMinGridStep && step <= 1.0)) {
    problems.add(path, "must be between " + num(kMinGridStep) + " and 1 (got " + num(step) + ")");
    return;
  }
  const double units = 1.0 / step;
  if (must_divide_one && std::abs(units - std::round(units)) > 1e-6) {
    problems.add(path, "must divide 1 into whole steps, e.g. 0.05, 0.1, 0.2, 0.25 (got " + num(step) + ")");
  }
}

void check_team(const v1::Scenario& s, Problems& problems) {
  const auto path = FieldPath().child("team");
  const auto& team = s.team();
  std::size_t members = 0;
  if (!team.preset().empty()) {
    members = team_preset(team.preset()).size();
    if (members == 0) {
      std::vector<std::string> names = team_preset_names();
      problems.add(path.child("preset"),
                   "unknown team preset '" + team.preset() + "'; presets: " + known_names(names));
    }
  }
  for (int i = 0; i < team.members_size(); ++i) {
    const auto& m = team.members(i);
    const auto member = path.child("members", i);
    if (!(std::isfinite(m.fte()) && m.fte() > 0.0)) {
      problems.add(member.child("fte"), "must be > 0 full-time equivalents (got " + num(m.fte()) + ")");
    }
    if (!(std::isfinite(m.hourly_cost()) && m.hourly_cost() > 0.0)) {
      problems.add(member.child("hourly_cost"),
                   "must be a positive cost per hour (got " + num(m.hourly_cost()) + ")");
    }
    ++members;
  }
  if (members == 0)
    problems.add(path, "a team needs people: a preset (solo, small, mid, enterprise) or members");
  if (team.has_hours_per_fte_week() &&
      !(std::isfinite(team.hours_per_fte_week()) && team.hours_per_fte_week() > 0.0 &&
        team.hours_per_fte_week() <= 80.0)) {
    problems.add(path.child("hours_per_fte_week"),
                 "must be between 0 (excluded) and 80 (got " + num(team.hours_per_fte_week()) + ")");
  }
  const auto& h = team.hours();
  const auto hours = path.child("hours");
  auto positive = [&](bool has, double value, const char* name) {
    if (has && !(std::isfinite(value) && value > 0.0))
      problems.add(hours.child(name), "must be > 0 hours (got " + num(value) + ")");
  };
  auto non_negative = [&](bool has, double value, const char* name) {
    if (has && !(std::isfinite(value) && value >= 0.0))
      problems.add(hours.child(name), "must be >= 0 hours (got " + num(value) + ")");
  };
  positive(h.has_simple_post(), h.simple_post(), "simple_post");
  positive(h.has_crafted_post(), h.crafted_post(), "crafted_post");
  positive(h.has_video_post(), h.video_post(), "video_post");
  non_negative(h.has_community_per_1000_engagements(), h.community_per_1000_engagements(),
               "community_per_1000_engagements");
  non_negative(h.has_paid_campaign_per_period(), h.paid_campaign_per_period(), "paid_campaign_per_period");
  if (team.fixed() && members > 0 && s.budget().total() > 0.0) {
    const double cost = resolve_team(s).horizon_cost(s.horizon().periods());
    if (cost > s.budget().total()) {
      problems.add(path.child("fixed"), "the fixed team costs " + num(cost) + " " + s.budget().currency() +
                                            " over the horizon, more than the whole budget of " +
                                            num(s.budget().total()));
    }
  }
}

// Strings end up in tables, CSV and JSON: they must be valid UTF-8 (text format does not check it).
bool valid_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    // A lead byte must be valid and followed by its continuation bytes, all present.
    if (extra < 0 || text.size() - i <= static_cast<std::size_t>(extra)) return false;
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) >> 6) != 0x2) return false;
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

void check_text(const std::string& text, const FieldPath& path, Problems& problems) {
  if (!valid_utf8(text)) problems.add(path, "is not valid UTF-8 text");
}

bool finite_at_least(double value, double low) { return std::isfinite(value) && value >= low; }

void check_optimize(const v1::OptimizeSearch& o, const FieldPath& path, Problems& problems) {
  if (o.max_evaluations() < 10 || o.max_evaluations() > 100'000) {
    problems.add(path.child("max_evaluations"),
                 "must be between 10 and 100000 (got " + std::to_string(o.max_evaluations()) + ")");
  }
  if (o.finalists() < 1 || o.finalists() > 50) {
    problems.add(path.child("finalists"),
                 "must be between 1 and 50 (got " + std::to_string(o.finalists()) + ")");
  }
  if (o.frontier_size() > 20) problems.add(path.child("frontier"), "at most 20 budget levels");
  for (int i = 0; i < o.frontier_size(); ++i) {
    if (!(o.frontier(i) > 0.0 && o.frontier(i) <= 10.0)) {
      problems.add(path.child("frontier", i),
                   "must be a multiple of the budget in (0, 10] (got " + num(o.frontier(i)) + ")");
    }
  }
}

void check_budget_and_pacing(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const bool optimize = s.search().has_optimize();
  const auto budget = root.child("budget");
  if (s.budget().up_to() && !optimize) {
    problems.add(budget.child("up_to"), "an \"up to\" budget needs search { optimize {} }");
  }
  if (s.budget().has_min_spend_share() &&
      !(s.budget().min_spend_share() >= 0.0 && s.budget().min_spend_share() <= 1.0)) {
    problems.add(budget.child("min_spend_share"),
                 "must be in [0, 1] (got " + num(s.budget().min_spend_share()) + ")");
  }
  const auto& pacing = s.horizon().pacing();
  const auto path = root.child("horizon").child("pacing");
  const int periods = s.horizon().periods();
  if (pacing.shape() == v1::Pacing::CUSTOM) {
    if (pacing.weights_size() != periods) {
      problems.add(path.child("weights"),
                   "CUSTOM pacing needs one weight per period: " + std::to_string(periods) + " (got " +
                       std::to_string(pacing.weights_size()) + ")");
    }
    double total = 0.0;
    for (int t = 0; t < pacing.weights_size(); ++t) {
      if (!finite_at_least(pacing.weights(t), 0.0)) {
        problems.add(path.child("weights", t), "must be a weight >= 0 (got " + num(pacing.weights(t)) + ")");
      } else {
        total += pacing.weights(t);
      }
    }
    if (pacing.weights_size() == periods && !(total > 0.0)) {
      problems.add(path.child("weights"), "at least one period needs a weight above 0");
    }
  } else if (pacing.weights_size() > 0) {
    problems.add(path.child("weights"), "weights are used only with shape: CUSTOM");
  }
  if (pacing.optimize_segments() > 0) {
    if (!optimize) {
      problems.add(path.child("optimize_segments"), "optimised pacing needs search { optimize {} }");
    } else if (pacing.optimize_segments() < 2 ||
               pacing.optimize_segments() > static_cast<unsigned>(std::min(periods, 12))) {
      problems.add(path.child("optimize_segments"), "must be between 2 and min(periods, 12) (got " +
                                                        std::to_string(pacing.optimize_segments()) + ")");
    }
  }
}

// Money limits must be numbers that some plan can keep: each channel's minimum within its maximum, and the
// minimums together within what can go to paid media.
void check_money_limits(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const double total = s.budget().total();
  const double organic_min = s.search().organic_share().has_min() ? s.search().organic_share().min() : 0.0;
  const double paid_room = total * (1.0 - organic_min);
  double minimums = 0.0;
  const auto money = paid_money_bounds(s);  // paid_amount and current_paid +- max_change together
  for (int i = 0; i < s.channels_size(); ++i) {
    const auto& channel = s.channels(i);
    const auto path = root.child("channels", i);
    const auto& amount = channel.paid_amount();
    if (amount.has_min() && !finite_at_least(amount.min(), 0.0)) {
      problems.add(path.child("paid_amount").child("min"),
                   "must be an amount >= 0 (got " + num(amount.min()) + ")");
    }
    if (amount.has_max() && !finite_at_least(amount.max(), 0.0)) {
      problems.add(path.child("paid_amount").child("max"),
                   "must be an amount >= 0 (got " + num(amount.max()) + ")");
    }
    if (amount.has_min() && amount.has_max() && amount.min() > amount.max()) {
      problems.add(path.child("paid_amount"),
                   "min (" + num(amount.min()) + ") is above max (" + num(amount.max()) + ")");
    }
    if (channel.has_current_paid() && !finite_at_least(channel.current_paid(), 0.0)) {
      problems.add(path.child("current_paid"),
                   "must be an amount >= 0 (got " + num(channel.current_paid()) + ")");
    }
    if (channel.has_max_change() && !channel.has_current_paid()) {
      problems.add(path.child("max_change"), "needs current_paid: the change is relative to today's spend");
    }
    if (channel.has_max_change() && !(channel.max_change() >= 0.0 && channel.max_change() <= 10.0)) {
      problems.add(path.child("max_change"),
                   "must be a share in [0, 10] (got " + num(channel.max_change()) + ")");
    }
    const double low = money.min[static_cast<std::size_t>(i)], high = money.max[static_cast<std::size_t>(i)];
    if (low > high + 1e-9) {
      problems.add(path.child("max_change"),
                   "paid_amount and current_paid +- max_change leave no amount: at least " + num(low) +
                       " and at most " + num(high));
    }
    if (low > 0.0 && channel.paid_share().has_max() && channel.paid_share().max() == 0.0) {
      problems.add(path.child("paid_share").child("max"),
                   "is 0, but the channel must get at least " + num(low) + " paid");
    }
    if (std::isfinite(low)) minimums += low;
  }
  if (minimums > paid_room * (1.0 + 1e-12) && !s.budget().up_to()) {
    problems.add(root.child("channels"),
                 "the channels' minimum paid amounts add up to " + num(minimums) + ", more than the " +
                     num(paid_room) +
                     " the budget leaves for paid media (budget.total less the minimum organic share)");
  }
}

void check_objective_options(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  const auto& o = s.objective();
  const auto path = root.child("objective");
  if (o.has_risk_aversion() && !finite_at_least(o.risk_aversion(), 0.0)) {
    problems.add(path.child("risk_aversion"), "must be >= 0 (got " + num(o.risk_aversion()) + ")");
  }
  if (o.has_min_probability() && !(o.min_probability() > 0.0 && o.min_probability() < 1.0)) {
    problems.add(path.child("min_probability"), "must be in (0, 1) (got " + num(o.min_probability()) + ")");
  }
  if (o.statistic() == v1::MIN_COST_FOR_TARGET) {
    if (!o.has_target()) problems.add(path.child("target"), "MIN_COST_FOR_TARGET needs the target to reach");
    if (!s.budget().up_to()) {
      problems.add(
          path.child("statistic"),
          "MIN_COST_FOR_TARGET searches how much of the budget to spend: set budget { up_to: true }");
    }
    if (lower_is_better(o.kpi())) {
      problems.add(path.child("kpi"),
                   "MIN_COST_FOR_TARGET needs a KPI to reach, not a cost such as " + v1::Kpi_Name(o.kpi()));
    }
  }
}

void check_constraints(const v1::Scenario& s, const FieldPath& root, Problems& problems) {
  for (int i = 0; i < s.constraints_size(); ++i) {
    const auto& c = s.constraints(i);
    const auto path = root.child("constraints", i);
    if (c.kpi() == v1::KPI_UNSPECIFIED) problems.add(path.child("kpi"), "missing: name the KPI to limit");
    if (!c.has_at_most() && !c.has_at_least()) {
      problems.add(path, "give at_most, at_least or both");
    }
    if (c.has_at_most() && !std::isfinite(c.at_most()))
      problems.add(path.child("at_most"), "must be a finite number");
    if (c.has_at_least() && !std::isfinite(c.at_least())) {
      problems.add(path.child("at_least"), "must be a finite number");
    }
    if (c.has_at_most() && c.has_at_least() && c.at_least() > c.at_most()) {
      problems.add(path, "at_least (" + num(c.at_least()) + ") is above at_most (" + num(c.at_most()) +
                             "): no plan can meet it");
    }
  }
}

// Each pair names two different channels, once, with an overlap in [0, 1].
void check_overlaps(const v1::Scenario& s, const std::set<std::string>& names, const FieldPath& root,
                    Problems& problems) {
  std::set<std::pair<std::string, std::string>> pairs;
  for (int i = 0; i < s.overlaps_size(); ++i) {
    const auto& o = s.overlaps(i);
    const auto path = root.child("overlaps", i);
    for (const auto& [field, name] : {std::pair{"a", o.a()}, std::pair{"b", o.b()}}) {
      if (!names.count(name)) {
        problems.add(path.child(field), "'" + name + "' is not a channel of this scenario");
      }
    }
    if (o.a() == o.b()) problems.add(path.child("b"), "a channel cannot overlap with itself");
    if (!pairs.insert(std::minmax(o.a(), o.b())).second) {
      problems.add(path, "the pair " + o.a() + " / " + o.b() + " is given twice");
    }
    if (!(o.overlap() >= 0.0 && o.overlap() <= 1.0)) {
      problems.add(path.child("overlap"),
                   "must be in [0, 1]: 0 independent, 1 nested (got " + num(o.overlap()) + ")");
    }
  }
}

}  // namespace

void validate_scenario(const LoadedScenario& loaded, const PluginRegistry& registry) {
  const auto& s = loaded.scenario;
  Problems problems(loaded);
  const FieldPath root;

  if (!s.has_budget()) {
    problems.add(root.child("budget"), "missing: give budget { total: ... currency: \"USD\" }");
  } else if (!(std::isfinite(s.budget().total()) && s.budget().total() > 0.0)) {
    problems.add(root.child("budget").child("total"),
                 "must be a positive amount (got " + num(s.budget().total()) + ")");
  }
  const auto& currency = s.budget().currency();
  if (currency.size() != 3 ||
      !std::all_of(currency.begin(), currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    problems.add(root.child("budget").child("currency"),
                 "must be a 3-letter ISO 4217 code such as USD or EUR");
  }

  const auto& horizon = s.horizon();
  if (horizon.periods() < 1 || horizon.periods() > kMaxPeriods) {
    problems.add(root.child("horizon").child("periods"), "must be between 1 and " +
                                                             std::to_string(kMaxPeriods) + " (got " +
                                                             std::to_string(horizon.periods()) + ")");
  }
  if (!(std::isfinite(horizon.period_days()) && horizon.period_days() > 0.0 &&
        horizon.period_days() <= 366.0)) {
    problems.add(root.child("horizon").child("period_days"),
                 "must be between 0 (excluded) and 366 days (got " + num(horizon.period_days()) + ")");
  }

  const auto& search = s.search();
  check_bounds(search.organic_share(), root.child("search").child("organic_share"), problems);
  const bool organic_possible = bound_max(search.organic_share()) > 0.0;
  const bool paid_possible = bound_min(search.organic_share()) < 1.0;
  if (search.has_grid()) {
    check_step(search.grid().organic_step(), root.child("search").child("grid").child("organic_step"), false,
               problems);
    check_step(search.grid().channel_step(), root.child("search").child("grid").child("channel_step"), true,
               problems);
  } else {
    check_optimize(search.optimize(), root.child("search").child("optimize"), problems);
  }
  check_budget_and_pacing(s, root, problems);

  if (s.channels_size() == 0) {
    problems.add(root.child("channels"), "a scenario needs at least one channel");
  } else if (s.channels_size() > kMaxChannels) {
    problems.add(root.child("channels"), "at most " + std::to_string(kMaxChannels) + " channels (got " +
                                             std::to_string(s.channels_size()) + ")");
  }
  std::set<std::string> names;
  for (int i = 0; i < s.channels_size(); ++i) {
    const auto path = root.child("channels", i);
    if (!s.channels(i).name().empty() && !names.insert(s.channels(i).name()).second) {
      problems.add(path.child("name"), "channel name '" + s.channels(i).name() + "' is used twice");
    }
    check_channel(s.channels(i), path, organic_possible, s.has_team(), registry, problems);
  }
  if (s.channels_size() > 0) {
    if (paid_possible) check_shares_can_sum(s, true, problems);
    if (organic_possible) check_shares_can_sum(s, false, problems);
  }

  const auto& objective = s.objective();
  if (objective.kpi() == v1::KPI_UNSPECIFIED) {
    problems.add(root.child("objective").child("kpi"),
                 "missing: name the KPI to optimise, e.g. kpi: CONVERSIONS");
  }
  if (objective.has_target() && !std::isfinite(objective.target())) {
    problems.add(root.child("objective").child("target"), "must be a finite number");
  }
  if (objective.statistic() == v1::PROB_TARGET && !objective.has_target()) {
    problems.add(root.child("objective").child("statistic"),
                 "PROB_TARGET needs a target: set objective { target: ... }");
  }

  if (s.has_team()) check_team(s, problems);
  check_text(s.name(), root.child("name"), problems);
  check_text(s.description(), root.child("description"), problems);
  for (int i = 0; i < s.channels_size(); ++i) {
    check_text(s.channels(i).name(), root.child("channels", i).child("name"), problems);
    check_text(s.channels(i).plugin(), root.child("channels", i).child("plugin"), problems);
    for (int p = 0; p < s.channels(i).params_size(); ++p) {
      check_text(s.channels(i).params(p).name(), root.child("channels", i).child("params", p).child("name"),
                 problems);
    }
  }
  if (!(std::isfinite(s.value_per_conversion()) && s.value_per_conversion() >= 0.0)) {
    problems.add(root.child("value_per_conversion"),
                 "must be an amount >= 0 (got " + num(s.value_per_conversion()) + ")");
  }
  if (objective.kpi() == v1::ROAS && !(s.value_per_conversion() > 0.0)) {
    problems.add(root.child("objective").child("kpi"),
                 "ROAS needs value_per_conversion (money one conversion is worth)");
  }
  if (s.has_population() && !(std::isfinite(s.population()) && s.population() >= 1.0)) {
    problems.add(root.child("population"), "must be at least 1 person (got " + num(s.population()) + ")");
  }

  check_overlaps(s, names, root, problems);
  check_money_limits(s, root, problems);
  check_objective_options(s, root, problems);
  check_constraints(s, root, problems);

  if (s.trials() < 1 || s.trials() > kMaxTrials) {
    problems.add(root.child("trials"), "must be between 1 and " + std::to_string(kMaxTrials) + " (got " +
                                           std::to_string(s.trials()) + ")");
  }
  problems.throw_if_any();
}

}  // namespace splitsim
