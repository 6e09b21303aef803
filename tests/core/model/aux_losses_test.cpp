// Each router loss on inputs small enough to work out by hand; the working is in the comments.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

#include "vimoe/model/aux_losses.h"

using namespace vimoe::model;

namespace {

torch::Tensor t(std::initializer_list<double> values, std::vector<std::int64_t> shape) {
  return torch::tensor(std::vector<double>(values), torch::kFloat64).view(shape);
}

torch::Tensor allValid() { return torch::ones({2}, torch::kFloat64); }

}  // namespace

TEST(AuxLosses, SwitchLoadBalance) {
  // Balanced first choices: f = (1/2, 1/2), P = mean(0.7, 0.4), mean(0.3, 0.6) = (0.55, 0.45);
  // 2 * (0.5 * 0.55 + 0.5 * 0.45) = 1.0.
  const auto probs = t({0.7, 0.3, 0.4, 0.6}, {2, 2});
  EXPECT_NEAR(switchLoadBalanceLoss(probs, torch::tensor({0, 1}), allValid()).item<double>(), 1.0, 1e-12);
  // Both tokens pick expert 0: f = (1, 0), P = (0.85, 0.15); 2 * 0.85 = 1.7.
  const auto skewed = t({0.9, 0.1, 0.8, 0.2}, {2, 2});
  EXPECT_NEAR(switchLoadBalanceLoss(skewed, torch::tensor({0, 0}), allValid()).item<double>(), 1.7, 1e-12);
}

TEST(AuxLosses, ImportanceIsSquaredCoefficientOfVariation) {
  // Importance = column sums = (1.7, 0.3); mean 1.0, population variance 0.7^2 = 0.49; CV^2 = 0.49.
  const auto probs = t({0.9, 0.1, 0.8, 0.2}, {2, 2});
  EXPECT_NEAR(importanceLoss(probs, allValid()).item<double>(), 0.49, 1e-9);
  // Second token masked: importance (0.9, 0.1); mean 0.5, variance 0.16; CV^2 = 0.64.
  EXPECT_NEAR(importanceLoss(probs, torch::tensor({1.0, 0.0}, torch::kFloat64)).item<double>(), 0.64, 1e-9);
  // Equal importance: 0.
  EXPECT_NEAR(importanceLoss(t({0.5, 0.5, 0.5, 0.5}, {2, 2}), allValid()).item<double>(), 0.0, 1e-12);
}

TEST(AuxLosses, NoisyLoadUsesTheKthLargestOtherLogit) {
  // One token, E = 3, k = 1, sigma = 1, clean logits 0, noisy logits (1, 0, -1).
  // Expert 0 is selected: its threshold is the 2nd largest noisy logit, 0: P = Phi(0) = 0.5.
  // Experts 1 and 2 are not: threshold = the largest, 1: P = Phi((0 - 1) / 1) = 0.158655.
  // Load = (0.5, 0.158655, 0.158655): mean 0.272437, population variance 0.025892; CV^2 = 0.348853.
  const auto clean = torch::zeros({1, 3}, torch::kFloat64);
  const auto noisy = t({1.0, 0.0, -1.0}, {1, 3});
  const auto loss = noisyLoadLoss(clean, noisy, 1, 1.0, torch::ones({1}, torch::kFloat64));
  EXPECT_NEAR(loss.item<double>(), 0.348853, 1e-5);
  // k = E: every expert always selected, P = 1 for all, CV^2 = 0.
  EXPECT_NEAR(noisyLoadLoss(clean, noisy, 3, 1.0, torch::ones({1}, torch::kFloat64)).item<double>(), 0.0, 1e-9);
}

TEST(AuxLosses, RouterZLoss) {
  // logsumexp(0, 0) = ln 2; logsumexp(ln 3, 0) = ln 4; mean of squares = (0.480453 + 1.921812) / 2.
  const auto logits = t({0.0, 0.0, std::log(3.0), 0.0}, {2, 2});
  EXPECT_NEAR(routerZLoss(logits, allValid()).item<double>(), 1.2011325, 1e-6);
}

TEST(AuxLosses, LimoeEntropies) {
  // Token entropies: H(0.5, 0.5) = ln 2, H(1, 0) = 0; local = ln 2 / 2.
  const auto probs = t({0.5, 0.5, 1.0, 0.0}, {2, 2});
  EXPECT_NEAR(localEntropy(probs, allValid()).item<double>(), std::log(2.0) / 2, 1e-9);
  // Mean routing (0.75, 0.25): H = -(0.75 ln 0.75 + 0.25 ln 0.25) = 0.562335.
  const auto global = globalEntropy(probs, allValid());
  EXPECT_NEAR(global.item<double>(), 0.5623351, 1e-6);
  // Hinge at log S: S = 2 gives ln 2 - 0.562335 = 0.130812; S = 1 (threshold 0) gives 0.
  EXPECT_NEAR(globalEntropyLoss(global, 2.0).item<double>(), 0.1308120, 1e-6);
  EXPECT_NEAR(globalEntropyLoss(global, 1.0).item<double>(), 0.0, 1e-12);
}

TEST(AuxLosses, WeightedTotalAppliesEachWeightToTheLayerMean) {
  AuxLosses aux;
  for (double v : {1.0, 3.0}) {
    LayerAux e;
    e.loadBalance = torch::full({}, v);
    e.zLoss = torch::full({}, 10 * v);
    e.importance = torch::full({}, 0.5);
    e.entropyLocal = torch::full({}, 0.0);
    e.entropyGlobal = torch::full({}, 0.0);  // hinge at log 2 -> 0.693147 per layer
    aux.add(e);
  }
  vimoe::config::LossConfig w;
  w.load_balance_weight = 0.1;   // mean 2.0 -> 0.2
  w.z_loss_weight = 0.01;        // mean 20  -> 0.2
  w.importance_weight = 1.0;     // mean 0.5 -> 0.5
  w.entropy_global_weight = 1.0; // mean ln 2 -> 0.693147
  w.entropy_global_min_experts = 2.0;
  EXPECT_NEAR(aux.weightedTotal(w).item<double>(), 0.2 + 0.2 + 0.5 + std::log(2.0), 1e-6);
  EXPECT_EQ(aux.layers, 2);
}
