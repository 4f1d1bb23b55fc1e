#include "calibration/calibration_report.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace splitsim {
namespace {

// Three significant digits; whole numbers with thousands separators from 1,000 on.
std::string g(double value) {
  char text[48];
  if (!(std::fabs(value) >= 1000.0 && std::fabs(value) < 1e15)) {
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
  }
  std::snprintf(text, sizeof text, "%.0f", std::fabs(value));
  std::string digits = text, grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (value < 0 ? "-" : "") + grouped;
}

std::string pct(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", 100.0 * share);
  return text;
}

std::string pad(const std::string& text, std::size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

std::string median_and_interval(const v1::Interval& i) {
  return g(i.p50()) + " (" + g(i.p5()) + "-" + g(i.p95()) + ")";
}

void print_channel(std::ostringstream& out, const v1::ChannelCalibration& c, double period_days) {
  out << "\n" << c.channel() << " (" << c.plugin() << " " << c.plugin_version() << "): ";
  if (c.periods() > 0) {
    out << c.periods() << " periods of " << g(period_days) << " days, " << c.first_date() << " to "
        << c.last_date() << ", from " << c.history_file() << " (format " << c.history_format() << ")\n";
  } else {
    out << "lift tests only, " << c.first_date() << " to " << c.last_date() << "\n";
  }
  for (const auto& m : c.metrics()) {
    out << "  " << pad(m.metric(), 20) << "\"" << m.column() << "\": " << (m.used() ? "used, " : "")
        << m.note() << "\n";
  }
  out << "  " << pad("parameter", 26) << pad("prior median (90%)", 28) << pad("posterior median (90%)", 28)
      << "narrowed\n";
  std::string fixed;
  for (const auto& p : c.parameters()) {
    if (!p.calibrated()) {
      fixed += (fixed.empty() ? "" : ", ") + p.name() + " " + g(p.prior_interval().p50());
      continue;
    }
    out << "  " << pad(p.name(), 26) << pad(median_and_interval(p.prior_interval()), 28)
        << pad(median_and_interval(p.posterior_interval()), 28) << pad(pct(p.narrowing()), 9)
        << (p.conflict() ? "conflicts with the prior" : (!p.informed() ? "not informed" : "")) << "\n";
  }
  if (!fixed.empty()) out << "  not calibrated (fixed, or the plan's starting state): " << fixed << "\n";
  if (c.predictive_size() > 0) {
    out << "  predictive check, observed periods inside the simulated P5-P95 band (about 90% expected):";
    for (const auto& s : c.predictive()) out << " " << s.metric() << " " << pct(s.coverage());
    out << "\n";
  }
  for (const auto& l : c.lift_tests()) {
    out << "  lift test " << l.start() << " to " << l.end() << " (line " << l.line() << "), spend "
        << g(l.spend()) << ": measured " << g(l.measured()) << " +- " << g(l.standard_error())
        << "; simulated increment " << g(l.prior_p50()) << " (" << g(l.prior_p5()) << "-" << g(l.prior_p95())
        << ") under the prior, " << g(l.metric_p50()) << " (" << g(l.metric_p5()) << "-" << g(l.metric_p95())
        << ") calibrated\n";
  }
  const auto& s = c.sampler();
  out << "  sampler: " << s.tempering_steps() << " temperatures, smallest ESS " << g(s.min_ess()) << " of "
      << c.particles_size() << ", acceptance " << pct(s.acceptance_rate()) << ", " << s.distinct_particles()
      << " distinct particles, " << s.likelihood_evaluations() << " likelihood evaluations, log evidence "
      << g(s.log_evidence()) << "\n";
  for (const auto& w : c.warnings()) out << "  WARNING: " << w << "\n";
  for (const auto& n : c.notes()) out << "  note: " << n << "\n";
}

}  // namespace

std::string format_calibration(const v1::Calibration& calibration) {
  std::ostringstream out;
  out << "Calibration of " << calibration.scenario_file() << ": " << calibration.channels_size()
      << (calibration.channels_size() == 1 ? " channel" : " channels") << ", " << calibration.particles()
      << " posterior draws each, seed " << calibration.seed() << "\n";
  for (const auto& channel : calibration.channels()) print_channel(out, channel, calibration.period_days());
  return out.str();
}

}  // namespace splitsim
