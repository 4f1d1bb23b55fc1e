// The inverse CDF of one beta distribution, prepared once for drawing many values of a parameter.
//
// Why: Boost.Math's inverse incomplete beta costs about 0.6 µs per value (an initial guess from asymptotic
// expansions, then Halley steps on the incomplete beta), and rates such as CTR are drawn once per parameter
// per trial. The table evaluates Boost's quantile a few hundred times when it is built, then costs a
// Chebyshev polynomial and two elementary functions per value, within 1e-12 relative of Boost.
//
// How: y = logit(x) as a function of w = logit(p). In those coordinates both tails become nearly straight
// lines (x ~ (c p)^(1/alpha) as p -> 0, 1 - x ~ (c (1 - p))^(1/beta) as p -> 1), so a few polynomials cover
// every probability a 53-bit uniform can give, and the relative error of x is at most the error of y. The
// range of w is halved until each piece's Chebyshev series (through 17 Chebyshev-Lobatto points) has
// converged; a piece that still has not after kMaxDepth halvings is evaluated with Boost itself, so no part
// of the range is left approximate.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace splitsim {

class BetaQuantileTable {
 public:
  // Coefficients per piece: degree 16 needs about sixteen pieces for the bundled networks' rates.
  static constexpr int kCoefficients = 17;
  // At most 2^kMaxDepth pieces, found by one multiplication: the pieces are halvings of the whole range.
  static constexpr int kMaxDepth = 8;

  // The quantile of Beta(alpha, beta) on probabilities p_lo <= p <= p_hi, with 0 < p_lo < p_hi < 1.
  BetaQuantileTable(double alpha, double beta, double p_lo, double p_hi);

  // x[i] = the quantile at p[i]; p outside [p_lo, p_hi] is taken at the nearer end. `x` may alias `p`.
  void quantiles(const double* p, double* x, std::size_t n) const;

  std::size_t pieces() const { return centre_.size(); }
  // Pieces whose series did not converge, left to Boost: zero for any shape the bundled networks use.
  std::size_t exact_pieces() const {
    return static_cast<std::size_t>(std::count(exact_.begin(), exact_.end(), true));
  }

 private:
  void fit(double lo, double hi, int depth, std::uint32_t first_bucket, std::map<double, double>& known);
  double exact_logit(double w) const;    // Boost's quantile at p = logistic(w), as logit(x)
  std::size_t piece_of(double w) const;  // for w in [w_lo_, w_hi_]

  double alpha_, beta_;
  double w_lo_, w_hi_, buckets_per_w_;
  std::vector<std::uint16_t> piece_of_bucket_;  // 2^kMaxDepth buckets of equal width in w
  std::vector<double> centre_, inverse_half_width_;
  std::vector<double> coefficients_;  // kCoefficients per piece
  std::vector<bool> exact_;           // the pieces left to Boost
  bool has_exact_ = false;
};

// The table of (alpha, beta, p_lo, p_hi), built once per process and shared: a run draws the same defaults in
// each of its trial sets, and a batch runs many scenarios over the same networks. Thread-safe.
std::shared_ptr<const BetaQuantileTable> shared_beta_quantile_table(double alpha, double beta, double p_lo,
                                                                    double p_hi);

}  // namespace splitsim
