#include "engine/beta_quantile_table.hpp"

#include <algorithm>
#include <array>
#include <boost/math/distributions/beta.hpp>
#include <cfloat>
#include <cmath>
#include <map>
#include <mutex>
#include <tuple>

#include "base/math_policy.hpp"
#include "splitsim/math.hpp"

namespace splitsim {
namespace {

using Beta = boost::math::beta_distribution<double, MathPolicy>;
constexpr int kN = BetaQuantileTable::kCoefficients;
constexpr std::size_t kBuckets = std::size_t{1} << BetaQuantileTable::kMaxDepth;

// A series has converged when its last two coefficients add up to less than this, in logit units: the
// relative error of x is then a few 1e-14, well inside the 1e-12 the tests hold it to, and above the
// rounding noise of Boost's values (a few 1e-15 in logit units).
constexpr double kConverged = 5e-14;
// A series through half the points whose last two coefficients exceed this will not converge through all of
// them (Chebyshev coefficients of a smooth function fall about as fast again over the second half), so the
// piece is halved without computing the other half of its points.
constexpr double kHopeless = 1e-6;

double logit(double p) { return math::log(p) - math::log1p(-p); }

// cos(pi i / (kN - 1)) for i = 0 .. 2 (kN - 1) - 1: one period, which every product j k of the series falls
// in modulo. SLEEF's cosine, so every machine computes the same coefficients.
constexpr int kIntervals = kN - 1;
const std::array<double, 2 * kIntervals>& lobatto_cosines() {
  static const auto table = [] {
    std::array<double, 2 * kIntervals> c{};
    constexpr double kPi = 3.14159265358979323846;
    for (int i = 0; i < 2 * kIntervals; ++i) c[i] = math::cos(kPi * i / kIntervals);
    return c;
  }();
  return table;
}

// The Chebyshev series (coefficients 0 .. n) of the polynomial through values[k] at t_k = cos(pi k / n),
// k = 0 .. n, where the values are every `stride`-th of kN: n = (kN - 1) / stride. The mean is taken out
// first: a logit of -60 times the rounding of the cosines would otherwise add a few 1e-14 to every
// coefficient, and no series would look converged.
void lobatto_series(const std::array<double, kN>& values, int stride, std::array<double, kN>& series) {
  const auto& cosines = lobatto_cosines();
  const int n = kIntervals / stride;
  double mean = 0.0;
  for (int k = 0; k <= n; ++k) mean += values[k * stride];
  mean /= n + 1;
  for (int j = 0; j <= n; ++j) {
    double sum = 0.0;
    for (int k = 0; k <= n; ++k) {
      const double term = (values[k * stride] - mean) * cosines[(j * k * stride) % (2 * kIntervals)];
      sum += k == 0 || k == n ? 0.5 * term : term;
    }
    series[j] = sum * (j == 0 || j == n ? 1.0 : 2.0) / n;
  }
  series[0] += mean;
  std::fill(series.begin() + n + 1, series.end(), 0.0);
}

double tail(const std::array<double, kN>& series, int stride) {
  const int n = kIntervals / stride;
  return std::abs(series[n]) + std::abs(series[n - 1]);
}

}  // namespace

BetaQuantileTable::BetaQuantileTable(double alpha, double beta, double p_lo, double p_hi)
    : alpha_(alpha), beta_(beta), w_lo_(logit(p_lo)), w_hi_(logit(p_hi)), piece_of_bucket_(kBuckets) {
  buckets_per_w_ = w_hi_ > w_lo_ ? static_cast<double>(kBuckets) / (w_hi_ - w_lo_) : 0.0;
  std::map<double, double> known;  // logit(x) at each w already asked of Boost
  fit(w_lo_, std::max(w_lo_, w_hi_), 0, 0, known);
}

double BetaQuantileTable::exact_logit(double w) const {
  using boost::math::complement;
  using boost::math::quantile;
  // p and 1 - p from w each, so neither loses digits at its own end; 1 - x from Beta(beta, alpha) likewise.
  const double p = 1.0 / (1.0 + math::exp(-w)), q = 1.0 / (1.0 + math::exp(w));
  const Beta distribution(alpha_, beta_);
  const double x = w <= 0.0 ? quantile(distribution, p) : quantile(complement(distribution, q));
  if (x <= 0.5) return logit(std::max(x, DBL_MIN));
  const Beta mirrored(beta_, alpha_);
  const double one_minus_x = w <= 0.0 ? quantile(complement(mirrored, p)) : quantile(mirrored, q);
  return -logit(std::max(one_minus_x, DBL_MIN));
}

void BetaQuantileTable::fit(double lo, double hi, int depth, std::uint32_t first_bucket,
                            std::map<double, double>& known) {
  const double centre = 0.5 * (lo + hi), half_width = 0.5 * (hi - lo);
  // The points t_k = cos(pi k / 16) of [lo, hi]: a piece's ends and centre are exact, so halves share
  // them with their parent and each other, and `known` spares Boost the second call.
  const auto& cosines = lobatto_cosines();
  std::array<double, kN> values{}, series{};
  bool finite = true;
  const auto value_at = [&](int k) {
    const double w = k == 0                ? hi
                     : k == kIntervals     ? lo
                     : 2 * k == kIntervals ? centre
                                           : centre + half_width * cosines[k];
    const auto [entry, fresh] = known.try_emplace(w, 0.0);
    if (fresh) entry->second = exact_logit(w);
    values[k] = entry->second;
    finite = finite && std::isfinite(values[k]);
  };
  for (int k = 0; k < kN; k += 2) value_at(k);
  lobatto_series(values, 2, series);
  bool converged = false;
  if (finite && tail(series, 2) <= kHopeless) {
    for (int k = 1; k < kN; k += 2) value_at(k);
    lobatto_series(values, 1, series);
    converged = finite && tail(series, 1) <= kConverged;
  }
  if (!converged && depth < kMaxDepth && half_width > 0.0) {
    const auto half_buckets = static_cast<std::uint32_t>(kBuckets >> (depth + 1));
    fit(lo, centre, depth + 1, first_bucket, known);
    fit(centre, hi, depth + 1, first_bucket + half_buckets, known);
    return;
  }
  const auto piece = static_cast<std::uint16_t>(centre_.size());
  std::fill_n(piece_of_bucket_.begin() + first_bucket, kBuckets >> depth, piece);
  centre_.push_back(centre);
  inverse_half_width_.push_back(half_width > 0.0 ? 1.0 / half_width : 0.0);
  coefficients_.insert(coefficients_.end(), series.begin(), series.end());
  exact_.push_back(!converged);
  has_exact_ = has_exact_ || !converged;
}

std::size_t BetaQuantileTable::piece_of(double w) const {
  const auto bucket = std::min(static_cast<std::size_t>((w - w_lo_) * buckets_per_w_), kBuckets - 1);
  return piece_of_bucket_[bucket];
}

void BetaQuantileTable::quantiles(const double* p, double* x, std::size_t n) const {
  constexpr std::size_t kChunk = 256;
  std::array<double, kChunk> w, t, b1, b2;
  std::array<const double*, kChunk> series;
  for (std::size_t done = 0; done < n; done += kChunk) {
    const std::size_t m = std::min(kChunk, n - done);
    // w = logit(p) = log(p) - log1p(-p), over the chunk.
    for (std::size_t i = 0; i < m; ++i) t[i] = -p[done + i];
    math::log(p + done, w.data(), m);
    math::log1p(t.data(), t.data(), m);
    for (std::size_t i = 0; i < m; ++i) {
      const double wi = std::clamp(w[i] - t[i], w_lo_, w_hi_);
      const std::size_t piece = piece_of(wi);
      w[i] = wi;
      t[i] = (wi - centre_[piece]) * inverse_half_width_[piece];
      series[i] = coefficients_.data() + piece * kN;
      b1[i] = b2[i] = 0.0;
    }
    // Clenshaw's recurrence for sum c_j T_j(t), one step for the whole chunk at a time: the values' chains
    // of multiply-adds interleave instead of waiting on each other.
    for (int j = kN - 1; j >= 1; --j) {
      for (std::size_t i = 0; i < m; ++i) {
        const double b0 = 2.0 * t[i] * b1[i] - b2[i] + series[i][j];
        b2[i] = b1[i];
        b1[i] = b0;
      }
    }
    for (std::size_t i = 0; i < m; ++i) b1[i] = -(t[i] * b1[i] - b2[i] + series[i][0]);
    if (has_exact_) {
      for (std::size_t i = 0; i < m; ++i)
        if (exact_[piece_of(w[i])]) b1[i] = -exact_logit(w[i]);
    }
    // x = 1 / (1 + e^-y).
    math::exp(b1.data(), b1.data(), m);
    for (std::size_t i = 0; i < m; ++i) x[done + i] = 1.0 / (1.0 + b1[i]);
  }
}

std::shared_ptr<const BetaQuantileTable> shared_beta_quantile_table(double alpha, double beta, double p_lo,
                                                                    double p_hi) {
  using Key = std::tuple<double, double, double, double>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const BetaQuantileTable>> tables;
  const Key key{alpha, beta, p_lo, p_hi};
  {
    const std::lock_guard lock(mutex);
    if (const auto found = tables.find(key); found != tables.end()) return found->second;
  }
  // Built outside the lock: tables for different parameters build in parallel. Two threads that build the
  // same one build equal tables, and the first kept is the one every caller gets.
  auto table = std::make_shared<const BetaQuantileTable>(alpha, beta, p_lo, p_hi);
  const std::lock_guard lock(mutex);
  constexpr std::size_t kMaxTables = 4096;  // tens of KB at most each: a bound for endless batches
  if (tables.size() >= kMaxTables) tables.clear();
  return tables.emplace(key, std::move(table)).first->second;
}

}  // namespace splitsim
