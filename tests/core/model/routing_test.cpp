// Router invariants: capacity never exceeded, one slot per assignment, gates normalised, drops
// counted, expert choice filling exactly C slots, BPR dropping the least confident tokens,
// padding never routed, and finite-difference gradients through the router path.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "vimoe/model/moe_layer.h"
#include "vimoe/model/routing.h"

using namespace vimoe::model;

namespace {

RoutingRequest request(const torch::Tensor& logits, int k, double capacity) {
  RoutingRequest r;
  r.logits = logits;
  r.valid = torch::ones({logits.size(0)}, torch::kBool);
  r.topK = k;
  r.capacityFactor = capacity;
  r.renormalize = true;
  return r;
}

void expectSlotsWithinCapacity(const RoutingPlan& plan, int experts) {
  const auto position = plan.slot - plan.expert * plan.capacity;
  EXPECT_TRUE((position >= 0).all().item<bool>());
  EXPECT_TRUE((position < plan.capacity).all().item<bool>());
  EXPECT_EQ(std::get<0>(torch::_unique(plan.slot)).numel(), plan.slot.numel()) << "two assignments share a slot";
  EXPECT_LE(torch::bincount(plan.expert, {}, experts).max().item<std::int64_t>(), plan.capacity);
}

}  // namespace

TEST(Routing, TokenChoiceRespectsCapacityAndCountsDrops) {
  torch::manual_seed(0);
  for (auto kind : {RouterKind::TopK, RouterKind::BatchPriority}) {
    auto r = request(torch::randn({64, 4}) * 3, 2, 0.5);  // C = ceil(0.5 * 2 * 64 / 4) = 16
    const auto plan = route(kind, r);
    EXPECT_EQ(plan.capacity, 16);
    expectSlotsWithinCapacity(plan, 4);
    // Every request is either kept or dropped, and the drops are split by choice.
    EXPECT_DOUBLE_EQ(plan.requested.sum().item<double>(), 128.0);
    EXPECT_DOUBLE_EQ(plan.kept.sum().item<double>(), double(plan.token.numel()));
    EXPECT_DOUBLE_EQ((plan.requested - plan.kept).sum().item<double>(), plan.droppedByChoice.sum().item<double>());
    EXPECT_DOUBLE_EQ(plan.tokenKept.sum().item<double>(), double(plan.token.numel()));
  }
}

TEST(Routing, SecondChoicesAreDroppedBeforeFirstChoices) {
  // Every token prefers expert 0 then expert 1; capacity 2 per expert for 4 tokens, k = 2.
  auto logits = torch::tensor({3.0f, 2.0f, 0.0f, 0.0f}).repeat({4, 1});
  auto r = request(logits, 2, 1.0);  // C = ceil(1 * 2 * 4 / 4) = 2
  const auto plan = route(RouterKind::TopK, r);
  EXPECT_EQ(plan.capacity, 2);
  EXPECT_DOUBLE_EQ(plan.droppedByChoice[0].item<double>(), 2.0);  // tokens 2, 3 lose expert 0
  EXPECT_DOUBLE_EQ(plan.droppedByChoice[1].item<double>(), 2.0);  // and tokens 2, 3 lose expert 1 too
  // Token order decides: tokens 0 and 1 keep both experts.
  EXPECT_TRUE(plan.tokenKept[0].all().item<bool>());
  EXPECT_FALSE(plan.tokenKept[3].any().item<bool>());
}

TEST(Routing, BatchPriorityDropsTheLeastConfidentTokens) {
  // All tokens pick expert 0 first; confidence grows with the token index. C = 2 for k = 1:
  // plain top-k keeps tokens 0 and 1 (first come), BPR keeps 6 and 7 (highest top gate).
  auto logits = torch::zeros({8, 4});
  logits.select(1, 0).copy_(torch::arange(8).to(torch::kFloat32) * 0.5 + 1.0);
  auto r = request(logits, 1, 1.0);  // C = ceil(8 / 4) = 2
  const auto plain = route(RouterKind::TopK, r);
  const auto bpr = route(RouterKind::BatchPriority, r);
  const auto keptTokens = [](const RoutingPlan& p) { return std::get<0>(p.token.sort()); };
  EXPECT_TRUE(torch::equal(keptTokens(plain), torch::tensor({0, 1}, torch::kLong)));
  EXPECT_TRUE(torch::equal(keptTokens(bpr), torch::tensor({6, 7}, torch::kLong)));
}

TEST(Routing, RenormalisedGatesSumToOneOverKeptExperts) {
  torch::manual_seed(1);
  auto r = request(torch::randn({32, 8}), 2, 0.0);  // dropless: everything kept
  const auto plan = route(RouterKind::TopK, r);
  const auto perToken = torch::zeros({32}).index_add(0, plan.token, plan.gate.detach());
  EXPECT_TRUE(torch::allclose(perToken, torch::ones({32}), 1e-6, 1e-6));
  EXPECT_DOUBLE_EQ(plan.droppedByChoice.sum().item<double>(), 0.0);
}

TEST(Routing, ExpertChoiceFillsExactlyCapacityPerExpert) {
  torch::manual_seed(2);
  auto r = request(torch::randn({40, 4}), 2, 0.0);  // factor 0 -> k = 2: C = ceil(2 * 40 / 4) = 20
  const auto plan = route(RouterKind::ExpertChoice, r);
  EXPECT_EQ(plan.capacity, 20);
  const auto perExpert = torch::bincount(plan.expert, {}, 4);
  EXPECT_TRUE(torch::equal(perExpert, torch::full({4}, 20, torch::kLong)));
  expectSlotsWithinCapacity(plan, 4);
  // Each expert took its 20 most probable tokens.
  const auto probs = torch::softmax(r.logits, -1);
  for (int e = 0; e < 4; ++e) {
    const auto mine = plan.token.masked_select(plan.expert == e);
    const auto weakestKept = probs.select(1, e).index_select(0, mine).min().item<float>();
    auto others = torch::ones({40}, torch::kBool);
    others.index_put_({mine}, false);
    if (others.any().item<bool>())
      EXPECT_GE(weakestKept, probs.select(1, e).masked_select(others).max().item<float>());
  }
}

TEST(Routing, PaddingIsNeverRouted) {
  torch::manual_seed(3);
  for (auto kind : {RouterKind::TopK, RouterKind::BatchPriority, RouterKind::ExpertChoice}) {
    auto r = request(torch::randn({10, 4}), 1, 4.0);
    r.valid = torch::tensor({1, 1, 1, 1, 1, 0, 0, 0, 0, 0}, torch::kBool);
    const auto plan = route(kind, r);
    EXPECT_TRUE((plan.token < 5).all().item<bool>()) << "router " << int(kind);
  }
}

TEST(Routing, SelectionBiasChangesChoicesButNotGates) {
  auto logits = torch::tensor({{1.0f, 0.9f}});
  auto r = request(logits, 1, 0.0);
  r.renormalize = false;
  r.selectionBias = torch::tensor({0.0f, 0.5f});
  const auto plan = route(RouterKind::TopK, r);
  EXPECT_EQ(plan.expert.item<std::int64_t>(), 1);
  // The gate is the unbiased probability of expert 1: softmax(1.0, 0.9)[1].
  EXPECT_NEAR(plan.gate.item<float>(), torch::softmax(logits, -1)[0][1].item<float>(), 1e-6);
}

TEST(Routing, NoisyRouterIsSeededAndCleanInEval) {
  vimoe::config::MoeConfig moe;
  moe.enabled = true;
  moe.num_experts = 4;
  moe.router = "noisy_top_k";
  moe.capacity_factor_train = 0;
  moe.capacity_factor_eval = 0;
  torch::manual_seed(4);
  MoeLayer layer(8, 8, moe);
  const auto x = torch::randn({1, 16, 8});
  auto run = [&](std::uint64_t seed) {
    torch::manual_seed(seed);
    AuxLosses aux;
    auto y = layer->forward(x, torch::Tensor(), Modality::Image, aux);
    EXPECT_TRUE(aux.entries.front().load.defined());  // the load loss exists with noise
    return y;
  };
  EXPECT_TRUE(torch::equal(run(7), run(7)));
  layer->eval();
  AuxLosses a, b;
  EXPECT_TRUE(torch::equal(layer->forward(x, torch::Tensor(), Modality::Image, a),
                           layer->forward(x, torch::Tensor(), Modality::Image, b)));
  EXPECT_FALSE(a.entries.front().load.defined());
}

TEST(Routing, RouterGradientMatchesFiniteDifferences) {
  // Top-k selection is piecewise constant; away from ties the loss is smooth in the router
  // weights through the gates and the balancing losses. Central differences in double.
  for (const std::string router : {"top_k", "batch_priority", "expert_choice"}) {
    vimoe::config::MoeConfig moe;
    moe.enabled = true;
    moe.num_experts = 4;
    moe.top_k = 2;
    moe.router = router;
    moe.gate_norm = "renormalize";
    moe.capacity_factor_train = 1.0;
    moe.router_init_std = 0.5;
    torch::manual_seed(5);
    MoeLayer layer(6, 8, moe);
    layer->to(torch::kFloat64);
    const auto x = torch::randn({1, 12, 6}, torch::kFloat64);
    const auto probe = torch::randn({1, 12, 6}, torch::kFloat64);
    auto loss = [&]() {
      AuxLosses aux;
      auto y = layer->forward(x, torch::Tensor(), Modality::Image, aux);
      return (y * probe).sum() + aux.meanLoadBalance() + aux.entries.front().importance + aux.meanZLoss();
    };
    layer->zero_grad();
    loss().backward();
    const auto analytic = layer->router->weight.grad().clone();
    torch::NoGradGuard noGrad;
    const double h = 1e-6;
    for (std::int64_t i = 0; i < 4; ++i) {
      for (std::int64_t j = 0; j < 6; j += 2) {
        auto w = layer->router->weight;
        const double saved = w[i][j].item<double>();
        w[i][j] = saved + h;
        const double up = loss().item<double>();
        w[i][j] = saved - h;
        const double down = loss().item<double>();
        w[i][j] = saved;
        EXPECT_NEAR(analytic[i][j].item<double>(), (up - down) / (2 * h), 1e-5) << router << " w[" << i << "][" << j << "]";
      }
    }
  }
}
