// Sparse upcycling: every expert tensor equals its dense source, and with top-1 routing,
// renormalised gates and no dropping the upcycled model computes the dense model's function.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/model/tiny_model_config.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/model/tensor_io.h"
#include "vimoe/model/upcycle.h"

using namespace vimoe;

namespace {

config::ExperimentConfig denseConfig() { return test_support::tinyModelConfig(false); }

config::ExperimentConfig moeConfig(bool sharedExpert = false) {
  auto cfg = test_support::tinyModelConfig(true);
  cfg.moe.gate_norm = "renormalize";
  cfg.moe.capacity_factor_train = 0;
  cfg.moe.capacity_factor_eval = 0;
  cfg.moe.shared_expert = sharedExpert;
  return cfg;
}

torch::Tensor sampleIds() {
  return torch::tensor({2, 5, 6, 9, 3, 0, 0, 0, 2, 7, 3, 0, 0, 0, 0, 0}, torch::kLong).view({2, 8});
}

}  // namespace

TEST(Upcycle, EveryExpertEqualsItsDenseSource) {
  torch::manual_seed(0);
  model::ClipModel dense(denseConfig());
  const auto weights = model::moduleToSafetensors(*dense);
  torch::manual_seed(1);
  model::ClipModel moe(moeConfig());
  auto report = model::upcycleFromDense(weights, moe, {}, "dense.safetensors");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->moeLayers, 4);
  EXPECT_EQ(report->experts, 4);
  EXPECT_EQ(report->expertTensors, 4 * 4 * 4);  // 4 layers x (w1, b1, w2, b2) x 4 experts
  EXPECT_EQ(report->freshTensors.size(), 4u);   // the routers
  EXPECT_EQ(report->maxExpertDeviation, 0.0);
  auto denseParams = dense->named_parameters();
  for (auto& [name, layer] : moe->moeLayers()) {
    const auto fc1 = denseParams[name + ".mlp.fc1.weight"], fc2 = denseParams[name + ".mlp.fc2.weight"];
    for (int e = 0; e < layer->experts(); ++e) {
      EXPECT_TRUE(torch::equal(layer->w1[e], fc1.t())) << name << " expert " << e;
      EXPECT_TRUE(torch::equal(layer->b1[e], denseParams[name + ".mlp.fc1.bias"]));
      EXPECT_TRUE(torch::equal(layer->w2[e], fc2.t()));
      EXPECT_TRUE(torch::equal(layer->b2[e], denseParams[name + ".mlp.fc2.bias"]));
    }
  }
}

TEST(Upcycle, TopOneUpcycledModelComputesTheDenseFunction) {
  torch::manual_seed(2);
  model::ClipModel dense(denseConfig());
  torch::manual_seed(3);
  model::ClipModel moe(moeConfig());
  ASSERT_TRUE(model::upcycleFromDense(model::moduleToSafetensors(*dense), moe, {}, "dense"));
  dense->eval();
  moe->eval();
  torch::NoGradGuard noGrad;
  const auto pixels = torch::rand({2, 3, 16, 16});
  EXPECT_TRUE(torch::allclose(moe->encodeImages(pixels), dense->encodeImages(pixels), 1e-5, 1e-6));
  EXPECT_TRUE(torch::allclose(moe->encodeTexts(sampleIds()), dense->encodeTexts(sampleIds()), 1e-5, 1e-6));
}

TEST(Upcycle, NoiseMakesExpertsDiffer) {
  torch::manual_seed(4);
  model::ClipModel dense(denseConfig());
  model::ClipModel moe(moeConfig());
  model::UpcycleOptions options;
  options.expertNoise = 0.01;
  options.seed = 9;
  auto report = model::upcycleFromDense(model::moduleToSafetensors(*dense), moe, options, "dense");
  ASSERT_TRUE(report);
  EXPECT_GT(report->maxExpertDeviation, 0.0);
  auto layer = moe->moeLayers().front().second;
  EXPECT_FALSE(torch::equal(layer->w1[0], layer->w1[1]));
}

TEST(Upcycle, RefusesAnMoeCheckpointAndAMismatchedArchitecture) {
  torch::manual_seed(5);
  model::ClipModel moeSource(moeConfig());
  model::ClipModel target(moeConfig());
  auto fromMoe = model::upcycleFromDense(model::moduleToSafetensors(*moeSource), target, {}, "moe.safetensors");
  ASSERT_FALSE(fromMoe);
  EXPECT_NE(fromMoe.error().message.find("needs a dense checkpoint"), std::string::npos);

  auto wider = denseConfig();
  wider.model.image.width = 32;
  model::ClipModel widerDense(wider);
  auto mismatch = model::upcycleFromDense(model::moduleToSafetensors(*widerDense), target, {}, "wide.safetensors");
  ASSERT_FALSE(mismatch);
  EXPECT_NE(mismatch.error().message.find("wide.safetensors"), std::string::npos);
  EXPECT_NE(mismatch.error().message.find("has shape"), std::string::npos);
}

TEST(SharedTower, OneSetOfBlocksServesBothModalities) {
  auto cfg = moeConfig();
  cfg.model.shared_tower = true;
  torch::manual_seed(6);
  model::ClipModel shared(cfg);
  model::ClipModel separate(moeConfig());
  auto layers = shared->moeLayers();
  ASSERT_EQ(layers.size(), 2u);
  EXPECT_EQ(layers[0].first, "shared.blocks.0");
  EXPECT_LT(shared->parameterCounts().total, separate->parameterCounts().total);
  auto out = shared->forward(torch::rand({2, 3, 16, 16}), sampleIds());
  // Each shared layer is visited once per modality.
  ASSERT_EQ(out.aux.entries.size(), 4u);
  EXPECT_EQ(out.aux.entries[0].modality, model::Modality::Image);
  EXPECT_EQ(out.aux.entries[2].modality, model::Modality::Text);
  EXPECT_EQ(out.aux.entries[2].layer, 0);
  EXPECT_DOUBLE_EQ(layers[0].second->stats().byModality[1].sum().item<double>(), 8.0);  // 5 + 3 real text tokens
}

TEST(SigLip, LossMatchesTheClosedFormAtInitialisation) {
  auto cfg = denseConfig();
  cfg.loss.contrastive = "siglip";
  model::ClipModel m(cfg);
  EXPECT_TRUE(m->usesSiglip());
  model::ContrastiveOutput out;
  out.imageEmbeddings = torch::eye(2);
  out.textEmbeddings = torch::eye(2);
  // t = exp(log 10) = 10, b = -10: logits = 10 I - 10 -> diagonal 0, off-diagonal -10.
  // L = -(1/2) [2 log sigmoid(0) + 2 log sigmoid(10)] = ln 2 + ln(1 + e^-10) = 0.6931926.
  EXPECT_NEAR(m->contrastiveLoss(out).item<double>(), 0.6931926, 1e-6);
}
