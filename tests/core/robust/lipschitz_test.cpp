// Lipschitz estimates: power iteration finds the largest singular value; on a linear model the
// local constant of the margin is exactly the l2 / l1 norm of the weight difference; Lemma 1's
// router term vanishes when the experts are identical (sum_i p_i (r_i - r_bar) = 0).
#include <gtest/gtest.h>

#include "vimoe/config/experiment_config.h"
#include "vimoe/robust/lipschitz.h"

using namespace vimoe;
using namespace vimoe::robust;

namespace {

// A set of `n` 2x2 RGB images whose 4 pixel tokens (width 3) run through one MoE layer; logits
// are the mean token output's first two channels.
AttackSet moeSet(model::MoeLayer layer, int n) {
  AttackSet set;
  set.task = "zero_shot";
  torch::manual_seed(9);
  set.images = torch::randint(0, 256, {n, 3, 2, 2}, torch::kLong).to(torch::kUInt8);
  set.labels = torch::zeros({n}, torch::kLong);
  set.labelNames = {"a", "b"};
  set.moeLayers = {{"image.blocks.0", layer}};
  set.targetFor = [layer](const torch::Tensor&) -> Target {
    return [layer](const torch::Tensor& pixels) mutable {
      model::AuxLosses aux;
      const auto tokens = pixels.flatten(2).transpose(1, 2);  // [B, 4, 3]
      const auto out = layer->forward(tokens, torch::Tensor(), model::Modality::Image, aux);
      TargetOutput o;
      o.logits = out.mean(1).narrow(1, 0, 2);
      return o;
    };
  };
  set.textValid = [](const torch::Tensor&) { return torch::Tensor(); };
  return set;
}

config::MoeConfig moeConfig(int experts) {
  config::MoeConfig c;
  c.enabled = true;
  c.num_experts = experts;
  c.top_k = 1;
  c.capacity_factor_train = 0;
  c.capacity_factor_eval = 0;
  return c;
}

}  // namespace

TEST(Lipschitz, PowerIterationFindsTheLargestSingularValue) {
  torch::manual_seed(1);
  const auto w = torch::randn({12, 7}, torch::kFloat64);
  const double exact = torch::linalg_svdvals(w)[0].item<double>();
  EXPECT_NEAR(spectralNorm(w, 200), exact, 1e-6 * exact);
  EXPECT_NEAR(spectralNorm(torch::diag(torch::tensor({3.0, -5.0, 1.0}))), 5.0, 1e-9);
}

TEST(Lipschitz, LocalConstantOfALinearMarginIsTheWeightDifferenceNorm) {
  torch::manual_seed(2);
  const auto w = torch::randn({2, 12});  // logits = W x over 2x2 RGB pixels
  AttackSet set;
  set.images = torch::randint(0, 256, {5, 3, 2, 2}, torch::kLong).to(torch::kUInt8);
  set.labels = torch::zeros({5}, torch::kLong);
  set.targetFor = [w](const torch::Tensor&) -> Target {
    return [w](const torch::Tensor& pixels) {
      TargetOutput o;
      o.logits = pixels.flatten(1).matmul(w.t());
      return o;
    };
  };
  const auto l = localLipschitz(set, 8.0 / 255.0, 5, 3);
  const auto diff = (w[0] - w[1]).to(torch::kFloat64);
  EXPECT_EQ(l.samples, 5);
  EXPECT_NEAR(l.maxL2, diff.norm().item<double>(), 1e-5);
  EXPECT_NEAR(l.meanL2, diff.norm().item<double>(), 1e-5);
  EXPECT_NEAR(l.maxL1, diff.abs().sum().item<double>(), 1e-4);
}

TEST(Lipschitz, SpectralBoundsCoverEveryExpert) {
  torch::manual_seed(3);
  model::MoeLayer layer(3, 8, moeConfig(4));
  const auto set = moeSet(layer, 4);
  const auto norms = ffnSpectralNorms(set);
  ASSERT_EQ(norms.size(), 4u);
  for (int e = 0; e < 4; ++e) {
    EXPECT_EQ(norms[static_cast<std::size_t>(e)].expert, e);
    EXPECT_NEAR(norms[static_cast<std::size_t>(e)].w1, torch::linalg_svdvals(layer->w1[e].to(torch::kFloat64))[0].item<double>(), 1e-5);
    EXPECT_NEAR(norms[static_cast<std::size_t>(e)].bound(),
                norms[static_cast<std::size_t>(e)].w1 * norms[static_cast<std::size_t>(e)].w2 * kGeluLipschitz, 1e-12);
  }
}

TEST(Lipschitz, LemmaOneRouterTermVanishesForIdenticalExpertsAndNotOtherwise) {
  torch::manual_seed(4);
  model::MoeLayer layer(3, 8, moeConfig(4));
  {
    torch::NoGradGuard noGrad;
    layer->router->weight.normal_(0, 2);  // a router with opinions
  }
  const auto distinct = lemma1Terms(moeSet(layer, 6));
  ASSERT_EQ(distinct.size(), 1u);
  EXPECT_EQ(distinct[0].tokens, 6 * 4);
  EXPECT_GT(distinct[0].routerTermMax, 1e-3);
  EXPECT_GE(distinct[0].routerTermMax, distinct[0].routerTermMean);
  {
    torch::NoGradGuard noGrad;
    for (int e = 1; e < 4; ++e) {
      layer->w1[e].copy_(layer->w1[0]);
      layer->b1[e].copy_(layer->b1[0]);
      layer->w2[e].copy_(layer->w2[0]);
      layer->b2[e].copy_(layer->b2[0]);
    }
  }
  const auto same = lemma1Terms(moeSet(layer, 6));
  EXPECT_NEAR(same[0].routerTermMax, 0.0, 1e-9);
  EXPECT_GT(same[0].maxExpertLipschitz, 0.0);
}
