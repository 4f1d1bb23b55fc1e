#include "calibration/calibrate.hpp"

#include <boost/crc.hpp>
#include <cmath>
#include <fstream>
#include <optional>

#include "base/errors.hpp"
#include "calibration/channel_likelihood.hpp"
#include "calibration/diagnostics.hpp"
#include "calibration/lift_tests.hpp"
#include "calibration/parameter_space.hpp"
#include "calibration/period_history.hpp"
#include "calibration/predictive_check.hpp"
#include "calibration/smc_sampler.hpp"
#include "splitsim/random_stream.hpp"

namespace splitsim {
namespace {

// What one channel is calibrated to.
struct ChannelData {
  const HistorySource* source = nullptr;
  std::optional<ChannelHistory> history;
  std::optional<PeriodHistory> periods;
  std::vector<LiftTest> lifts;
};

int whole_period_days(const ResolvedScenario& scenario) {
  const double days = scenario.period_days;
  if (!(days >= 1.0) || days != std::floor(days) || days > 366.0) {
    throw InputError(
        {{scenario.file, 0, "horizon.period_days",
          "calibration sums daily data into periods of whole days; this scenario's periods are " +
              std::to_string(days) + " days"}});
  }
  return static_cast<int>(days);
}

// How each figure of the export was used, in the words a reader of the report needs.
void describe_metrics(v1::ChannelCalibration& out, const ChannelHistory& history,
                      const PeriodHistory& periods, const MeasurementErrors& errors) {
  const auto& mapping = history.mapping;
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    const auto metric = static_cast<Metric>(m);
    const auto field = metric_field(metric);
    if (!mapping.has(field)) continue;
    auto* use = out.add_metrics();
    use->set_metric(metric_name(metric));
    use->set_column(mapping.header[static_cast<std::size_t>(field)]);
    use->set_used(periods.present[m]);
    std::string note = periods.present[m]
                           ? "measurement error " +
                                 std::to_string(static_cast<int>(std::lround(100.0 * errors.sigma[m]))) + "%"
                           : "no period reports it";
    if (metric == Metric::kConversions) note += "; platform-attributed, not incremental";
    if (metric == Metric::kClicks) note += "; the posterior ctr counts what this column counts";
    if (counts_ads_only(metric) && periods.has_posts) note += "; compared with the ads alone";
    if (metric == Metric::kFollowersGained) note += "; from the follower counts, net losses as no gain";
    use->set_note(note);
  }
  if (mapping.has(HistoryField::kReach)) {
    auto* use = out.add_metrics();
    use->set_metric("reach");
    use->set_column(mapping.header[static_cast<std::size_t>(HistoryField::kReach)]);
    use->set_used(false);
    use->set_note(
        "not used: a platform's reach counts people once within each row and does not add up over rows or "
        "days; the model reports new people over the horizon");
  }
}

// Every particle's full parameter vector (particles x plugin parameters).
std::vector<double> full_vectors(const ParameterSpace& space, const std::vector<double>& z) {
  const std::size_t d = space.dimension(), width = space.parameters().size();
  const std::size_t n = d == 0 ? 0 : z.size() / d;
  std::vector<double> out(n * width);
  for (std::size_t i = 0; i < n; ++i)
    space.values(std::span<const double>(z.data() + i * d, d),
                 std::span<double>(out.data() + i * width, width));
  return out;
}

v1::ChannelCalibration calibrate_channel(const ResolvedScenario& scenario, std::uint32_t c,
                                         const ChannelData& data, const CalibrationOptions& options,
                                         int period_days) {
  const auto& channel = scenario.channels[c];
  v1::ChannelCalibration out;
  out.set_channel(channel.name);
  out.set_plugin(channel.plugin->info.name);
  out.set_plugin_version(channel.plugin->info.version);

  const ParameterSpace space(channel.parameters,
                             data.periods ? data.periods->starting_followers : std::optional<double>());
  if (space.dimension() == 0) {
    throw InputError(
        {{scenario.file, 0, "channels[" + std::to_string(c) + "].params",
          "channel '" + channel.name +
              "' has no uncertain parameter to calibrate: every one is fixed or carried-in state"}});
  }
  const std::uint64_t key = trial_set_seed(options.seed, TrialSet::kCalibration);
  const ChannelLikelihood likelihood(channel, c, space, data.periods, data.lifts, options.errors, key,
                                     period_days, options.replicates);

  // Prior draws at the engine's own addresses: particle i takes trial i's parameters.
  const std::size_t n = options.particles, d = space.dimension();
  std::vector<double> initial(n * d);
  const RandomStream prior_stream(key, c, StreamId::kParameters);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < d; ++j)
      initial[i * d + j] =
          ParameterSpace::z_of(prior_stream.uniform(i, static_cast<std::uint32_t>(space.calibrated()[j]), 0));
  }
  const auto prior_vectors = full_vectors(space, initial);
  SmcOptions smc;
  smc.particles = n;
  smc.group = options.group;
  const SmcResult posterior = run_smc(
      d, initial, [&](std::span<const double> z) { return likelihood(z); }, &ParameterSpace::log_prior,
      RandomStream(key, c, StreamId::kPosterior), smc);
  const auto posterior_vectors = full_vectors(space, posterior.z);

  for (auto& summary : summarize_parameters(space, posterior)) *out.add_parameters() = std::move(summary);
  for (std::size_t i = 0; i < n; ++i) {
    auto* particle = out.add_particles();
    for (std::size_t j = 0; j < d; ++j)
      particle->add_values(posterior_vectors[i * space.parameters().size() + space.calibrated()[j]]);
  }
  auto* sampler = out.mutable_sampler();
  sampler->set_tempering_steps(static_cast<std::uint32_t>(posterior.temperatures.size()));
  for (double phi : posterior.temperatures) sampler->add_temperatures(phi);
  sampler->set_min_ess(posterior.min_ess);
  sampler->set_acceptance_rate(posterior.acceptance_rate);
  sampler->set_moves(static_cast<std::uint32_t>(posterior.moves));
  sampler->set_distinct_particles(static_cast<std::uint32_t>(posterior.distinct));
  sampler->set_log_evidence(posterior.log_evidence);
  sampler->set_likelihood_evaluations(posterior.evaluations);

  if (data.periods) {
    const auto& periods = *data.periods;
    out.set_first_date(iso_date(periods.first_day));
    out.set_last_date(iso_date(periods.last_day));
    out.set_periods(static_cast<std::uint32_t>(periods.periods));
    out.set_history_file(data.history->file);
    out.set_history_format(data.history->mapping.format);
    describe_metrics(out, *data.history, periods, options.errors);
    for (const auto& note : periods.notes) out.add_notes(note);
    if (data.history->summary_rows_skipped > 0) {
      out.add_notes(std::to_string(data.history->summary_rows_skipped) +
                    " summary rows ('Total...') skipped");
    }
    if (likelihood.history_likelihood()->metrics().empty()) {
      out.add_warnings(
          "the history reports no figure the model can be compared with (impressions, clicks, "
          "conversions, organic impressions or followers): only its plan is used");
    } else {
      for (auto& series : predictive_check(likelihood, periods, options.errors, posterior_vectors, key, c))
        *out.add_predictive() = std::move(series);
    }
  } else {
    Day first = data.lifts.front().start, last = data.lifts.front().end;
    for (const auto& test : data.lifts) {
      first = std::min(first, test.start);
      last = std::max(last, test.end);
    }
    out.set_first_date(iso_date(first));
    out.set_last_date(iso_date(last));
  }
  for (auto& check : lift_checks(likelihood, prior_vectors, posterior_vectors))
    *out.add_lift_tests() = std::move(check);
  add_findings(out, data.periods ? &*data.periods : nullptr, posterior);
  return out;
}

}  // namespace

v1::InputDigest digest_file(const std::filesystem::path& path, const std::string& name,
                            const std::string& role) {
  std::ifstream in(path, std::ios::binary);
  boost::crc_optimal<64, 0x42F0E1EBA9EA3693ull, ~0ull, ~0ull, true, true> crc;  // CRC-64/XZ
  std::uint64_t bytes = 0;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    crc.process_bytes(buffer, static_cast<std::size_t>(in.gcount()));
    bytes += static_cast<std::uint64_t>(in.gcount());
  }
  v1::InputDigest digest;
  digest.set_role(role);
  digest.set_file(name);
  digest.set_bytes(bytes);
  digest.set_crc64(crc.checksum());
  return digest;
}

v1::Calibration calibrate(const ResolvedScenario& scenario, const CalibrationData& data,
                          const CalibrationOptions& options) {
  const int period_days = whole_period_days(scenario);
  std::vector<std::string> names;
  for (const auto& channel : scenario.channels) names.push_back(channel.name);

  // Every input is read and checked before anything is simulated.
  std::vector<ChannelData> channels(scenario.channels.size());
  for (const auto& source : data.histories) {
    const auto c =
        static_cast<std::size_t>(std::find(names.begin(), names.end(), source.channel) - names.begin());
    if (c == names.size())
      throw InputError(source.name, "the scenario has no channel '" + source.channel + "'");
    channels[c].source = &source;
    channels[c].history = import_history(source);
    channels[c].periods = aggregate_history(*channels[c].history, period_days);
  }
  for (const auto& file : data.lift_files) {
    for (auto& test : read_lift_tests(file.path, file.name, names)) {
      const auto c =
          static_cast<std::size_t>(std::find(names.begin(), names.end(), test.channel) - names.begin());
      channels[c].lifts.push_back(std::move(test));
    }
  }

  v1::Calibration calibration;
  calibration.set_splitsim_version(SPLITSIM_VERSION);
  calibration.set_scenario_file(std::filesystem::path(scenario.file).filename().string());
  calibration.set_seed(options.seed);
  calibration.set_particles(static_cast<std::uint32_t>(options.particles));
  calibration.set_period_days(scenario.period_days);
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    auto* error = calibration.add_errors();
    error->set_metric(metric_name(static_cast<Metric>(m)));
    error->set_sigma(options.errors.sigma[m]);
  }
  for (const auto& source : data.histories)
    *calibration.add_inputs() = digest_file(source.path, source.name, "history " + source.channel);
  for (const auto& file : data.lift_files)
    *calibration.add_inputs() = digest_file(file.path, file.name, "lift tests");

  for (std::size_t c = 0; c < channels.size(); ++c) {
    if (!channels[c].history && channels[c].lifts.empty()) continue;
    *calibration.add_channels() =
        calibrate_channel(scenario, static_cast<std::uint32_t>(c), channels[c], options, period_days);
  }
  return calibration;
}

}  // namespace splitsim
