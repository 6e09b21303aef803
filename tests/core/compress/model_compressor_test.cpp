// The model side of compression on the tiny test models: which matrices are catalogued
// (experts included), writing a slice touches only that slice, a full-rank plan keeps the
// model's function, restore() undoes a plan, the activation walk reproduces the model's own
// embeddings, the baselines and every random episode stay within the budget.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "core/model/tiny_model_config.h"
#include "vimoe/compress/activation_stats.h"
#include "vimoe/compress/agent.h"
#include "vimoe/compress/baselines.h"
#include "vimoe/compress/compression_env.h"
#include "vimoe/compress/model_compressor.h"

using namespace vimoe;
using namespace vimoe::compress;

namespace {

struct Inputs {
  torch::Tensor pixels, ids;
};

Inputs tinyInputs() {
  auto gen = at::detail::createCPUGenerator(17);
  Inputs in;
  in.pixels = torch::rand({3, 3, 16, 16}, gen, torch::TensorOptions());
  in.ids = torch::randint(1, 50, {3, 8}, gen, torch::TensorOptions().dtype(torch::kLong));
  in.ids.index_put_({1, torch::indexing::Slice(5, torch::indexing::None)}, 0);  // padding
  return in;
}

}  // namespace

TEST(CompressCatalog, DenseModelHasEveryLinearWeightButNoRouterOrEmbedding) {
  torch::manual_seed(1);
  model::ClipModel m(test_support::tinyModelConfig(false));
  const auto slots = catalogWeights(*m);
  // Per tower: 2 blocks x (qkv, proj, fc1, fc2) + the output projection.
  ASSERT_EQ(slots.size(), 18u);
  std::set<std::string> kinds;
  for (const auto& s : slots) {
    kinds.insert(slotKindName(s.kind));
    EXPECT_EQ(s.name.find("embed"), std::string::npos);
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"attn_qkv", "attn_proj", "ffn_fc1", "ffn_fc2", "head_proj"}));
  EXPECT_EQ(slots[0].name, "image.blocks.0.attn.qkv.weight");
  EXPECT_EQ(slots[0].rows, 48);
  EXPECT_EQ(slots[0].cols, 16);
  EXPECT_EQ(slots[0].towerDepth, 2);
}

TEST(CompressCatalog, ExpertSlicesAreSeparateMatricesInOutInOrientation) {
  torch::manual_seed(2);
  auto cfg = test_support::tinyModelConfig(true);
  model::ClipModel m(cfg);
  const auto slots = catalogWeights(*m);
  std::vector<WeightSlot> experts;
  for (const auto& s : slots)
    if (s.kind == SlotKind::ExpertW1 || s.kind == SlotKind::ExpertW2) experts.push_back(s);
  ASSERT_FALSE(experts.empty());
  EXPECT_EQ(experts.size() % 8, 0u);  // 4 experts x (w1, w2) per MoE layer
  const auto& w1 = experts[1];        // w1[1]: [W, H] stored, [H, W] as a matrix
  EXPECT_EQ(w1.expert, 1);
  EXPECT_EQ(w1.rows, 32);
  EXPECT_EQ(w1.cols, 16);
  for (const auto& s : slots) EXPECT_EQ(s.name.find("router"), std::string::npos);

  const auto before0 = readMatrix(*m, experts[0]);
  const auto before1 = readMatrix(*m, experts[1]);
  EXPECT_EQ(before1.sizes(), (std::vector<std::int64_t>{32, 16}));
  writeMatrix(*m, experts[1], torch::zeros({32, 16}));
  EXPECT_TRUE(torch::equal(readMatrix(*m, experts[0]), before0));
  EXPECT_EQ(readMatrix(*m, experts[1]).abs().sum().item<float>(), 0.0f);
  writeMatrix(*m, experts[1], before1);
  EXPECT_TRUE(torch::equal(readMatrix(*m, experts[1]), before1));
}

TEST(CompressModel, FullRankPlanKeepsTheFunctionAndRestoreUndoesAPlan) {
  torch::manual_seed(3);
  model::ClipModel m(test_support::tinyModelConfig(true));
  m->eval();
  torch::NoGradGuard noGrad;
  const auto in = tinyInputs();
  const auto images = m->encodeImages(in.pixels), texts = m->encodeTexts(in.ids);
  ModelCompressor compressor(*m, catalogWeights(*m));
  Plan full = compressor.densePlan();
  for (std::size_t i = 0; i < full.size(); ++i)
    full[i] = {Method::Svd, std::min(compressor.slots()[i].rows, compressor.slots()[i].cols)};
  compressor.apply(full);
  EXPECT_LT((m->encodeImages(in.pixels) - images).abs().max().item<float>(), 1e-4);
  EXPECT_LT((m->encodeTexts(in.ids) - texts).abs().max().item<float>(), 1e-4);
  compressor.apply(uniformPlan(compressor, Method::Svd, 0.2));
  EXPECT_GT((m->encodeImages(in.pixels) - images).abs().max().item<float>(), 1e-3);
  compressor.restore();
  EXPECT_TRUE(torch::equal(m->encodeImages(in.pixels), images));
  const auto described = compressor.describe(uniformPlan(compressor, Method::Cur, 0.5));
  ASSERT_EQ(described.size(), compressor.slots().size());
  for (const auto& o : described) {
    EXPECT_LE(o.after.params, o.before.params / 2);
    EXPECT_GT(o.relativeError, 0.0);
  }
}

TEST(CompressModel, ActivationWalkReproducesTheModelsEmbeddings) {
  for (bool moe : {false, true}) {
    torch::manual_seed(4);
    const auto cfg = test_support::tinyModelConfig(moe);
    model::ClipModel m(cfg);
    m->eval();
    const auto in = tinyInputs();
    const auto stats = collectInputStatistics(m, cfg, in.pixels, in.ids);
    torch::NoGradGuard noGrad;
    EXPECT_LT((stats.imageEmbeddings - m->encodeImages(in.pixels)).abs().max().item<float>(), 1e-5) << moe;
    EXPECT_LT((stats.textEmbeddings - m->encodeTexts(in.ids)).abs().max().item<float>(), 1e-5) << moe;
    for (const auto& s : catalogWeights(*m)) {
      ASSERT_TRUE(stats.meanAbs.count(s.name)) << s.name;
      EXPECT_EQ(stats.meanAbs.at(s.name).size(0), s.cols) << s.name;
      EXPECT_GT(stats.meanAbs.at(s.name).min().item<float>(), 0.0f) << s.name;
    }
  }
}

TEST(CompressBaselines, UniformAndEnergyPlansFitTheBudget) {
  torch::manual_seed(5);
  model::ClipModel m(test_support::tinyModelConfig(false));
  ModelCompressor compressor(*m, catalogWeights(*m));
  for (double budget : {0.3, 0.5, 0.7}) {
    EXPECT_LE(compressor.sizeRatio(uniformPlan(compressor, Method::Svd, budget)), budget);
    const auto energy = energyPlan(compressor, budget);
    EXPECT_LE(compressor.sizeRatio(energy.plan), budget + 1e-12);
    EXPECT_GT(compressor.sizeRatio(energy.plan), budget - 0.1) << "tau " << energy.tau;  // the search uses the budget
    EXPECT_GT(energy.tau, 0.0);
  }
}

TEST(CompressEnvironment, MaskedActionsAlwaysKeepTheBudget) {
  torch::manual_seed(6);
  model::ClipModel m(test_support::tinyModelConfig(true));
  ModelCompressor compressor(*m, catalogWeights(*m));
  CompressionEnvOptions options;
  options.budget = 0.4;
  options.methods = {Method::Svd, Method::Cur};  // semi-NMF's iterations would only slow the test
  int evaluations = 0;
  CompressionEnvironment env(compressor, [&] { return 1.0 + 0.0 * ++evaluations; }, options);
  EXPECT_EQ(evaluations, env.stepCount() + 1);  // dense + one sensitivity probe per matrix
  EXPECT_EQ(env.features(0, {}).size(0), env.featureCount());
  ASSERT_TRUE(env.minimumReachable());
  // The ratio prior peaks at the ratio the budget needs: 0.4 of everything at the start.
  const auto prior = env.ratioPrior(0, {});
  ASSERT_EQ(prior.size(), 10u);
  EXPECT_EQ(std::max_element(prior.begin(), prior.end()) - prior.begin(), 3);
  EXPECT_NEAR(prior[3], 0.0f, 1e-6);
  std::mt19937_64 rng(8);
  for (int episode = 0; episode < 60; ++episode) {
    const auto actions = randomActions(env, rng);
    const auto outcome = env.evaluate(actions);
    EXPECT_TRUE(outcome.feasible);
    EXPECT_LE(outcome.sizeRatio, options.budget + 1e-12);
  }
  // Without the mask, an all-dense episode is over budget and penalised.
  options.enforceBudget = false;
  CompressionEnvironment open(compressor, [] { return 1.0; }, options);
  const std::vector<Action> dense(static_cast<std::size_t>(open.stepCount()), Action{0, 9});
  const auto outcome = open.evaluate(dense);
  EXPECT_FALSE(outcome.feasible);
  EXPECT_EQ(outcome.reward, -1.0);
}
