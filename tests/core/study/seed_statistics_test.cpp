// Mean, sample std and Welch's t-test against values worked out by hand and closed forms of
// Student's t distribution.
#include "vimoe/study/seed_statistics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace vimoe::study {
namespace {

TEST(SeedStatistics, MeanAndSampleStandardDeviation) {
  const auto s = summarise({2.0, 4.0, 6.0});
  EXPECT_EQ(s.n, 3);
  EXPECT_DOUBLE_EQ(s.mean, 4.0);
  EXPECT_DOUBLE_EQ(s.std, 2.0);  // sqrt(((-2)^2 + 0 + 2^2) / (3 - 1))
  EXPECT_DOUBLE_EQ(summarise({5.0}).std, 0.0);
  EXPECT_EQ(summarise({}).n, 0);
}

// Closed forms: with 1 degree of freedom t is Cauchy, P(|T| >= 1) = 1/2; with 2,
// P(|T| >= t) = 1 - t / sqrt(2 + t^2). The 97.5% quantile of t with 10 degrees is 2.228.
TEST(SeedStatistics, StudentTailMatchesClosedFormsAndTables) {
  EXPECT_NEAR(studentTwoSidedP(1.0, 1.0), 0.5, 1e-12);
  EXPECT_NEAR(studentTwoSidedP(2.0, 2.0), 1.0 - 2.0 / std::sqrt(6.0), 1e-12);
  EXPECT_NEAR(studentTwoSidedP(-2.0, 2.0), 1.0 - 2.0 / std::sqrt(6.0), 1e-12);
  EXPECT_NEAR(studentTwoSidedP(2.228139, 10.0), 0.05, 1e-6);
  EXPECT_NEAR(studentTwoSidedP(0.0, 4.0), 1.0, 1e-12);
  EXPECT_LT(studentTwoSidedP(40.0, 3.0), 1e-4);
}

TEST(SeedStatistics, WelchTestSeparatesLargeDifferencesAndNotNoise) {
  // Equal sizes and variances: t = (4 - 1) / sqrt(1/3 + 1/3) = 3.674, df = 4.
  const auto clear = welchTest({3.0, 4.0, 5.0}, {0.0, 1.0, 2.0});
  ASSERT_TRUE(clear.has_value());
  EXPECT_NEAR(clear->t, 3.0 / std::sqrt(2.0 / 3.0), 1e-12);
  EXPECT_NEAR(clear->df, 4.0, 1e-12);
  EXPECT_NEAR(clear->p, 0.02131, 1e-4);  // the t(4) density integrated numerically from 3.674 outwards
  // Differences smaller than the spread of the seeds are not separated.
  const auto noise = welchTest({0.50, 0.58, 0.46}, {0.52, 0.44, 0.55});
  ASSERT_TRUE(noise.has_value());
  EXPECT_GT(noise->p, 0.5);
  // Unequal variances: the Welch-Satterthwaite degrees of freedom fall below n1 + n2 - 2.
  const auto unequal = welchTest({1.0, 1.1, 0.9}, {2.0, 4.0, 0.0, 3.0});
  ASSERT_TRUE(unequal.has_value());
  EXPECT_LT(unequal->df, 5.0);
  EXPECT_GT(unequal->df, 3.0);
  // One seed a side: nothing to test. Identical seeds: p 1 if the means agree, else 0.
  EXPECT_FALSE(welchTest({1.0}, {2.0, 3.0}).has_value());
  EXPECT_DOUBLE_EQ(welchTest({1.0, 1.0}, {1.0, 1.0})->p, 1.0);
  EXPECT_DOUBLE_EQ(welchTest({1.0, 1.0}, {2.0, 2.0})->p, 0.0);
}

}  // namespace
}  // namespace vimoe::study
