// The two-tower model: shapes, normalised embeddings, parameter accounting, MoE placement,
// and the safetensors round trip of its weights.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/model/tiny_model_config.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/model/tensor_io.h"

using namespace vimoe;

namespace {

config::ExperimentConfig tinyConfig(bool moe) { return test_support::tinyModelConfig(moe); }

}  // namespace

TEST(ClipModel, EmbeddingsAreNormalisedAndShaped) {
  torch::manual_seed(0);
  model::ClipModel m(tinyConfig(true));
  const auto ids = torch::tensor({2, 5, 6, 3, 0, 0, 0, 0, 2, 7, 3, 0, 0, 0, 0, 0}, torch::kLong).view({2, 8});
  auto out = m->forward(torch::rand({2, 3, 16, 16}), ids);
  EXPECT_EQ(out.imageEmbeddings.sizes(), (std::vector<std::int64_t>{2, 12}));
  EXPECT_EQ(out.textEmbeddings.sizes(), (std::vector<std::int64_t>{2, 12}));
  EXPECT_TRUE(torch::allclose(out.imageEmbeddings.norm(2, -1), torch::ones({2}), 1e-5, 1e-5));
  EXPECT_EQ(out.aux.layers, 4);  // two MoE blocks in each tower
  const double loss = m->clipLoss(out).item<double>();
  EXPECT_TRUE(std::isfinite(loss));
  EXPECT_GT(loss, 0.0);
}

TEST(ClipModel, DenseAndMoeHaveEqualActiveParametersPerToken) {
  model::ClipModel dense(tinyConfig(false));
  model::ClipModel moe(tinyConfig(true));
  const auto d = dense->parameterCounts(), m = moe->parameterCounts();
  EXPECT_EQ(d.total, d.active);
  // Per MoE block: 3 extra experts of (16*32 + 32 + 32*16 + 16) = 1072 params, plus a 16x4 router.
  EXPECT_EQ(m.total - d.total, 4 * (3 * 1072 + 64));
  EXPECT_EQ(m.active - d.active, 4 * 64);
  EXPECT_EQ(moe->moeLayers().size(), 4u);
  EXPECT_EQ(moe->moeLayers()[0].first, "image.blocks.0");
  EXPECT_EQ(moe->moeLayers()[3].first, "text.blocks.1");
}

TEST(ClipModel, PlacementLastNOnlyInTextTower) {
  auto cfg = tinyConfig(true);
  cfg.moe.towers = "text";
  cfg.moe.placement = "last_n";
  cfg.moe.placement_n = 1;
  model::ClipModel m(cfg);
  ASSERT_EQ(m->moeLayers().size(), 1u);
  EXPECT_EQ(m->moeLayers()[0].first, "text.blocks.1");
}

TEST(ClipModel, SafetensorsRoundTripRestoresEveryTensor) {
  torch::manual_seed(1);
  model::ClipModel a(tinyConfig(true));
  torch::manual_seed(2);
  model::ClipModel b(tinyConfig(true));
  const auto file = decodeSafetensors(encodeSafetensors(model::moduleToSafetensors(*a)), "mem");
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_TRUE(model::loadModuleFromSafetensors(*b, *file, "mem").ok());
  auto pb = b->named_parameters();
  for (const auto& item : a->named_parameters()) EXPECT_TRUE(torch::equal(item.value(), pb[item.key()])) << item.key();
}

TEST(ClipModel, LoadingADifferentShapeIsRejectedAndLeavesTheModelUnchanged) {
  model::ClipModel dense(tinyConfig(false));
  auto wide = tinyConfig(false);
  wide.model.embed_dim = 24;
  model::ClipModel other(wide);
  const auto before = dense->named_parameters()["image.proj.weight"].clone();
  auto status = model::loadModuleFromSafetensors(*dense, model::moduleToSafetensors(*other), "other.safetensors");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("other.safetensors"), std::string::npos);
  EXPECT_NE(status.error().message.find("has shape"), std::string::npos);
  EXPECT_TRUE(torch::equal(before, dense->named_parameters()["image.proj.weight"]));
}
