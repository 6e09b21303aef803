// Statistics over a study's seeds: mean and sample standard deviation per variant, and Welch's
// t-test (unequal variances) to say whether two variants differ by more than their seeds vary.
// With three seeds a side the test separates only large effects; the table says "within noise"
// rather than pretend otherwise.
#pragma once

#include <optional>
#include <vector>

namespace vimoe::study {

struct SeedSummary {
  double mean = 0;
  double std = 0;  // sample standard deviation (n - 1); 0 for one seed
  int n = 0;
};

SeedSummary summarise(const std::vector<double>& values);

struct WelchTest {
  double t = 0;   // (mean a - mean b) / sqrt(var a / n a + var b / n b)
  double df = 0;  // Welch-Satterthwaite degrees of freedom
  double p = 1;   // two-sided
};

// nullopt when either side has fewer than two values (no variance to compare against).
std::optional<WelchTest> welchTest(const std::vector<double>& a, const std::vector<double>& b);

// P(|T| >= |t|) for Student's t with `df` degrees of freedom: the regularised incomplete beta
// function I_{df / (df + t^2)}(df / 2, 1 / 2), by its continued fraction.
double studentTwoSidedP(double t, double df);

}  // namespace vimoe::study
