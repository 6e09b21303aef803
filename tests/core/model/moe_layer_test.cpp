// MoE layer: shapes, gates, capacity and the batched dispatch checked against a per-token
// reference loop.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "vimoe/model/moe_layer.h"

using vimoe::config::MoeConfig;
using vimoe::model::AuxLosses;
using vimoe::model::Modality;
using vimoe::model::MoeLayer;

namespace {

MoeConfig moeConfig(int experts, int k, double capacity, const std::string& gateNorm = "auto") {
  MoeConfig moe;
  moe.enabled = true;
  moe.num_experts = experts;
  moe.top_k = k;
  moe.capacity_factor_train = capacity;
  moe.capacity_factor_eval = capacity;
  moe.gate_norm = gateNorm;
  moe.router_init_std = 0.5;  // decisive routing for the tests
  return moe;
}

// The MoE function written the slow, obvious way: every token, its top-k experts, in order,
// skipping (token, choice) pairs the capacity rule drops.
torch::Tensor referenceMoe(MoeLayer& layer, const torch::Tensor& x, std::int64_t capacity, bool renormalize) {
  const auto flat = x.reshape({-1, x.size(-1)});
  const auto probs = torch::softmax(layer->router->forward(flat), -1);
  auto [gate, expert] = probs.topk(layer->topK(), -1);
  if (renormalize) gate = gate / gate.sum(-1, true);
  auto out = torch::zeros_like(flat);
  std::vector<std::int64_t> used(static_cast<std::size_t>(layer->experts()), 0);
  for (int choice = 0; choice < layer->topK(); ++choice) {
    for (std::int64_t t = 0; t < flat.size(0); ++t) {
      const auto e = expert[t][choice].item<std::int64_t>();
      if (used[static_cast<std::size_t>(e)]++ >= capacity) continue;
      const auto h = torch::gelu(torch::matmul(flat[t], layer->w1[e]) + layer->b1[e]);
      out[t] += gate[t][choice] * (torch::matmul(h, layer->w2[e]) + layer->b2[e]);
    }
  }
  return out.view(x.sizes());
}

}  // namespace

TEST(MoeLayer, OutputKeepsInputShape) {
  torch::manual_seed(0);
  MoeLayer layer(16, 32, moeConfig(4, 2, 2.0));
  AuxLosses aux;
  const auto y = layer->forward(torch::randn({3, 5, 16}), torch::Tensor(), Modality::Image, aux);
  EXPECT_EQ(y.sizes(), (std::vector<std::int64_t>{3, 5, 16}));
  EXPECT_EQ(aux.layers, 1);
}

TEST(MoeLayer, DispatchMatchesPerTokenReferenceTop2Renormalised) {
  torch::manual_seed(1);
  MoeLayer layer(8, 12, moeConfig(4, 2, 4.0));
  const auto x = torch::randn({2, 6, 8});
  AuxLosses aux;
  const auto y = layer->forward(x, torch::Tensor(), Modality::Image, aux);
  // capacity 4.0 * 2 * 12 / 4 = 24: nothing dropped.
  EXPECT_TRUE(torch::allclose(y, referenceMoe(layer, x, 24, true), 1e-5, 1e-6));
}

TEST(MoeLayer, DispatchMatchesReferenceWhenCapacityDropsTokens) {
  torch::manual_seed(2);
  MoeLayer layer(8, 12, moeConfig(4, 1, 0.5));
  const auto x = torch::randn({1, 16, 8});
  AuxLosses aux;
  const auto y = layer->forward(x, torch::Tensor(), Modality::Image, aux);
  // capacity ceil(0.5 * 1 * 16 / 4) = 2 per expert: at most 8 of 16 tokens get an expert.
  EXPECT_EQ(layer->capacity(16, 0), 2);
  EXPECT_TRUE(torch::allclose(y, referenceMoe(layer, x, 2, false), 1e-5, 1e-6));
  const auto zeroRows = (y.view({16, 8}).abs().sum(1) == 0).sum().item<int>();
  EXPECT_GE(zeroRows, 8);
  const auto kept = layer->stats().kept.sum().item<double>();
  EXPECT_LE(kept, 8.0);
  EXPECT_DOUBLE_EQ(layer->stats().routed.sum().item<double>(), 16.0);
}

TEST(MoeLayer, RenormalisedTop2GatesSumToOne) {
  torch::manual_seed(3);
  MoeLayer layer(8, 8, moeConfig(4, 2, 0.0));  // dropless
  // With identical experts (w = identity-like copies), output = sum of gates * f(x) = f(x).
  torch::NoGradGuard noGrad;
  for (int e = 1; e < 4; ++e) {
    layer->w1[e].copy_(layer->w1[0]);
    layer->b1[e].copy_(layer->b1[0]);
    layer->w2[e].copy_(layer->w2[0]);
    layer->b2[e].copy_(layer->b2[0]);
  }
  const auto x = torch::randn({1, 10, 8});
  AuxLosses aux;
  const auto y = layer->forward(x, torch::Tensor(), Modality::Image, aux);
  const auto single = torch::matmul(torch::gelu(torch::matmul(x, layer->w1[0]) + layer->b1[0]), layer->w2[0]) + layer->b2[0];
  EXPECT_TRUE(torch::allclose(y, single, 1e-5, 1e-6));
}

TEST(MoeLayer, PaddingTokensAreNotRouted) {
  torch::manual_seed(4);
  MoeLayer layer(8, 8, moeConfig(2, 1, 0.0));
  const auto x = torch::randn({1, 6, 8});
  const auto valid = torch::tensor({1, 1, 1, 0, 0, 0}, torch::kBool).view({1, 6});
  AuxLosses aux;
  const auto y = layer->forward(x, valid, Modality::Image, aux);
  EXPECT_EQ(y[0].slice(0, 3, 6).abs().sum().item<float>(), 0.0f);
  EXPECT_DOUBLE_EQ(layer->stats().routed.sum().item<double>(), 3.0);
  EXPECT_DOUBLE_EQ(layer->stats().tokens, 3.0);
}

TEST(MoeLayer, SwitchLoadBalanceIsOneWhenBalancedAndEWhenCollapsed) {
  MoeLayer layer(4, 4, moeConfig(4, 1, 0.0));
  torch::NoGradGuard noGrad;
  // Router = identity on the 4 input features: token i (one-hot e_i * 10) picks expert i.
  layer->router->weight.copy_(torch::eye(4) * 10.0);
  AuxLosses balanced;
  layer->forward(torch::eye(4).view({1, 4, 4}), torch::Tensor(), Modality::Image, balanced);
  // f = (1/4 each), P_i = 1/4 (symmetric probabilities): 4 * sum(1/4 * 1/4) = 1.
  EXPECT_NEAR(balanced.meanLoadBalance().item<double>(), 1.0, 1e-5);

  AuxLosses collapsed;
  const auto sameToken = torch::zeros({1, 4, 4});
  sameToken.select(2, 0).fill_(10.0);  // every token picks expert 0 with probability ~1
  layer->forward(sameToken, torch::Tensor(), Modality::Image, collapsed);
  EXPECT_NEAR(collapsed.meanLoadBalance().item<double>(), 4.0, 1e-3);
}

TEST(MoeLayer, GradientsReachRouterAndExperts) {
  torch::manual_seed(5);
  MoeLayer layer(8, 8, moeConfig(4, 1, 2.0, "softmax"));
  AuxLosses aux;
  const auto y = layer->forward(torch::randn({2, 8, 8}), torch::Tensor(), Modality::Image, aux);
  (y.pow(2).sum() + aux.meanLoadBalance()).backward();
  EXPECT_GT(layer->router->weight.grad().abs().sum().item<double>(), 0.0);
  EXPECT_GT(layer->w1.grad().abs().sum().item<double>(), 0.0);
}
