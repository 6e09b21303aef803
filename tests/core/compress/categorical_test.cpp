// The hand-written categorical distribution: log-probabilities are log_softmax entries,
// sampled frequencies follow the probabilities, masked actions are never drawn.
#include <gtest/gtest.h>

#include <cmath>

#include "vimoe/compress/categorical.h"

using namespace vimoe::compress;

TEST(CompressCategorical, LogProbOfTheSampledActionIsTheLogSoftmaxEntry) {
  const auto logits = torch::tensor({0.5f, -1.0f, 2.0f, 0.0f});
  const auto lp = categoricalLogProbs(logits);
  const auto reference = torch::log_softmax(logits, 0);
  std::mt19937_64 rng(3);
  for (int i = 0; i < 20; ++i) {
    const int a = sampleCategorical(lp, uniform01(rng));
    ASSERT_GE(a, 0);
    ASSERT_LT(a, 4);
    EXPECT_FLOAT_EQ(lp[a].item<float>(), reference[a].item<float>());
  }
  EXPECT_NEAR(lp.exp().sum().item<double>(), 1.0, 1e-6);
}

TEST(CompressCategorical, EmpiricalFrequenciesMatchTheProbabilities) {
  const auto lp = categoricalLogProbs(torch::tensor({1.0f, 0.0f, -1.0f}));
  const auto p = lp.exp();
  std::mt19937_64 rng(11);
  std::vector<int> counts(3, 0);
  const int n = 20000;
  for (int i = 0; i < n; ++i) ++counts[static_cast<std::size_t>(sampleCategorical(lp, uniform01(rng)))];
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(double(counts[static_cast<std::size_t>(k)]) / n, p[k].item<double>(), 0.012) << k;
  // Inverse CDF at the edges.
  EXPECT_EQ(sampleCategorical(lp, 0.0), 0);
  EXPECT_EQ(sampleCategorical(lp, 0.999999), 2);
}

TEST(CompressCategorical, MaskedActionsAreNeverSampledAndCarryNoEntropy) {
  const auto masked = maskLogits(torch::tensor({3.0f, 0.0f, 1.0f, 0.5f}), {false, true, false, true});
  const auto lp = categoricalLogProbs(masked);
  EXPECT_TRUE(std::isinf(lp[0].item<float>()));
  std::mt19937_64 rng(5);
  for (int i = 0; i < 2000; ++i) {
    const int a = sampleCategorical(lp, uniform01(rng));
    EXPECT_TRUE(a == 1 || a == 3) << a;
  }
  EXPECT_EQ(argmaxCategorical(lp), 3);
  // Two allowed actions with logits 0 and 0.5: finite entropy below log 2.
  const double h = categoricalEntropy(lp).item<double>();
  EXPECT_TRUE(std::isfinite(h));
  EXPECT_LT(h, std::log(2.0));
  EXPECT_NEAR(categoricalEntropy(categoricalLogProbs(torch::zeros({4}))).item<double>(), std::log(4.0), 1e-6);
  EXPECT_THROW(maskLogits(torch::zeros({2}), {false, false}), std::invalid_argument);
}
