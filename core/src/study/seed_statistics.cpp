#include "vimoe/study/seed_statistics.h"

#include <cmath>
#include <limits>

namespace vimoe::study {
namespace {

// The continued fraction of the incomplete beta function (modified Lentz's method), which
// converges fast for x < (a + 1) / (a + b + 2); the caller uses the symmetry otherwise.
double betaContinuedFraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300, kEpsilon = 1e-15;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double result = d;
  for (int m = 1; m <= 300; ++m) {
    const double m2 = 2.0 * m;
    for (const double numerator : {m * (b - m) * x / ((a + m2 - 1.0) * (a + m2)),
                                   -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0))}) {
      d = 1.0 + numerator * d;
      if (std::fabs(d) < kTiny) d = kTiny;
      c = 1.0 + numerator / c;
      if (std::fabs(c) < kTiny) c = kTiny;
      d = 1.0 / d;
      result *= d * c;
    }
    if (std::fabs(d * c - 1.0) < kEpsilon) break;
  }
  return result;
}

double regularisedIncompleteBeta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double logFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  if (x < (a + 1.0) / (a + b + 2.0)) return std::exp(logFront) * betaContinuedFraction(a, b, x) / a;
  return 1.0 - std::exp(logFront) * betaContinuedFraction(b, a, 1.0 - x) / b;
}

double sampleVariance(const std::vector<double>& values, double mean) {
  double sum = 0;
  for (const double v : values) sum += (v - mean) * (v - mean);
  return values.size() > 1 ? sum / static_cast<double>(values.size() - 1) : 0.0;
}

}  // namespace

SeedSummary summarise(const std::vector<double>& values) {
  SeedSummary s;
  s.n = static_cast<int>(values.size());
  if (values.empty()) return s;
  for (const double v : values) s.mean += v;
  s.mean /= static_cast<double>(values.size());
  s.std = std::sqrt(sampleVariance(values, s.mean));
  return s;
}

double studentTwoSidedP(double t, double df) {
  if (!std::isfinite(t)) return 0.0;
  return regularisedIncompleteBeta(df / 2.0, 0.5, df / (df + t * t));
}

std::optional<WelchTest> welchTest(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() < 2 || b.size() < 2) return std::nullopt;
  const auto sa = summarise(a), sb = summarise(b);
  const double va = sa.std * sa.std / sa.n, vb = sb.std * sb.std / sb.n;
  WelchTest test;
  if (va + vb == 0) {  // every seed gave the same value on both sides
    test.t = sa.mean == sb.mean ? 0.0 : std::numeric_limits<double>::infinity();
    test.df = sa.n + sb.n - 2;
    test.p = sa.mean == sb.mean ? 1.0 : 0.0;
    return test;
  }
  test.t = (sa.mean - sb.mean) / std::sqrt(va + vb);
  test.df = (va + vb) * (va + vb) / (va * va / (sa.n - 1) + vb * vb / (sb.n - 1));
  test.p = studentTwoSidedP(test.t, test.df);
  return test;
}

}  // namespace vimoe::study
