// The analytic model description behind `vimoe model info`: its parameter counts must equal
// those of the ClipModel the same config builds, and its FLOPs are checked by hand.
#include "vimoe/model/model_info.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <tuple>

#include "vimoe/config/model_presets.h"
#include "vimoe/model/clip_model.h"

using namespace vimoe;

namespace {

config::ExperimentConfig presetConfig(const std::string& preset) {
  config::ExperimentConfig cfg;
  config::applyModelPreset(*config::findModelPreset(preset), cfg.model);
  cfg.data.vocab_size = 256;
  return cfg;
}

config::ExperimentConfig withMoe(config::ExperimentConfig cfg, int experts, int k, const std::string& towers,
                                 const std::string& placement, int n) {
  cfg.moe.enabled = true;
  cfg.moe.num_experts = experts;
  cfg.moe.top_k = k;
  cfg.moe.towers = towers;
  cfg.moe.placement = placement;
  cfg.moe.placement_n = n;
  return cfg;
}

void expectCountsMatchTheBuiltModel(const config::ExperimentConfig& cfg) {
  const model::ModelInfo info = model::describeModel(cfg);
  torch::manual_seed(0);
  model::ClipModel built(cfg);
  const model::ParameterCounts counts = built->parameterCounts();
  EXPECT_EQ(info.parameters(), counts.total);
  EXPECT_EQ(info.activeParameters(), counts.active);
  std::vector<std::string> names = info.image.moeLayers;
  names.insert(names.end(), info.text.moeLayers.begin(), info.text.moeLayers.end());
  std::vector<std::string> builtNames;
  for (const auto& [name, layer] : built->moeLayers()) builtNames.push_back(name);
  EXPECT_EQ(names, builtNames);
}

}  // namespace

TEST(ModelInfo, ParameterCountsEqualTheBuiltModelForDenseAndMoePresets) {
  for (const std::string preset : {"tiny", "small", "base"}) {
    SCOPED_TRACE(preset);
    const auto dense = presetConfig(preset);
    expectCountsMatchTheBuiltModel(dense);
    expectCountsMatchTheBuiltModel(withMoe(dense, 4, 1, "both", "every_nth", 1));
    expectCountsMatchTheBuiltModel(withMoe(dense, 8, 2, "image", "every_nth", 2));
    expectCountsMatchTheBuiltModel(withMoe(dense, 3, 2, "text", "last_n", 1));
  }
}

TEST(ModelInfo, OddShapesStillMatchTheBuiltModel) {
  config::ExperimentConfig cfg;
  cfg.data.image_size = 24;
  cfg.model.patch_size = 6;
  cfg.data.max_text_tokens = 10;
  cfg.data.vocab_size = 77;
  cfg.model.embed_dim = 20;
  cfg.model.image = {24, 3, 3, 2.7};  // hidden 64.8 rounds to 65
  cfg.model.text = {20, 2, 5, 0.5};
  expectCountsMatchTheBuiltModel(withMoe(cfg, 5, 3, "both", "last_n", 2));
}

TEST(ModelInfo, SharedExpertSharedTowerAndSiglipMatchTheBuiltModel) {
  const auto base = withMoe(presetConfig("tiny"), 4, 2, "both", "every_nth", 1);
  auto sharedExpert = base;
  sharedExpert.moe.shared_expert = true;
  expectCountsMatchTheBuiltModel(sharedExpert);
  auto sharedTower = base;
  sharedTower.model.shared_tower = true;
  expectCountsMatchTheBuiltModel(sharedTower);
  auto siglip = base;
  siglip.loss.contrastive = "siglip";
  siglip.moe.router = "expert_choice";
  expectCountsMatchTheBuiltModel(siglip);
  // The shared tower runs the same blocks for text: same FLOPs as two towers, fewer parameters.
  EXPECT_EQ(model::describeModel(sharedTower).text.flops.ffn, model::describeModel(base).text.flops.ffn);
  EXPECT_LT(model::describeModel(sharedTower).parameters(), model::describeModel(base).parameters());
}

TEST(ModelInfo, ActiveParametersCountKOfEExpertsAndEveryRouter) {
  const auto dense = presetConfig("tiny");
  const auto moe = withMoe(dense, 4, 1, "both", "every_nth", 1);
  const model::ModelInfo d = model::describeModel(dense), m = model::describeModel(moe);
  // One expert per token is the dense FFN's size, so active = dense + the 4 routers (64 x 4 each).
  EXPECT_EQ(m.activeParameters(), d.parameters() + 4 * 64 * 4);
  // Total: each of the 4 FFNs becomes 4 experts, FFN = 64*256 + 256 + 256*64 + 64 = 33,088.
  EXPECT_EQ(m.parameters(), d.parameters() + 4 * 3 * 33088 + 4 * 64 * 4);
  EXPECT_EQ(m.image.moeLayers, (std::vector<std::string>{"image.blocks.0", "image.blocks.1"}));
}

// Tiny preset: image 64 px, patch 8 -> P = 64 patches, S = 65 tokens; text S = 24; W = 64,
// hidden H = 256, embed D = 64, depth 2 in each tower. 2*m*n*k per matrix product:
//   image patch embedding  2 * 64 * (3*8*8) * 64             = 1,572,864
//   image block: qkv       2 * 65 * 64 * 192                  = 1,597,440
//                scores + weighted sum  2 * (2 * 65*65*64)    = 1,081,600
//                proj      2 * 65 * 64 * 64                   =   532,480
//                FFN       2 * (2 * 65 * 64 * 256)            = 4,259,840
//                block                                        = 7,471,360  (x2 = 14,942,720)
//   image head             2 * 64 * 64                        =     8,192
//   image total            1,572,864 + 14,942,720 + 8,192     = 16,523,776
//   text block:  qkv       2 * 24 * 64 * 192                  =   589,824
//                scores + weighted sum  2 * (2 * 24*24*64)    =   147,456
//                proj      2 * 24 * 64 * 64                   =   196,608
//                FFN       2 * (2 * 24 * 64 * 256)            = 1,572,864
//                block                                        = 2,506,752  (x2 = 5,013,504)
//   text total             5,013,504 + 8,192 (head)           =  5,021,696
//   dense model                                               = 21,545,472
// MoE E=4, k=1 in all four blocks: the same expert work plus the routers, 2 * S * 64 * 4
// per block: 2 * 33,280 (image) + 2 * 12,288 (text) = 91,136 -> 21,636,608.
// MoE E=8, k=2: routers 2 * (2*65*64*8) + 2 * (2*24*64*8) = 182,272, plus a second expert per
// token = the dense FFN FLOPs again, 2 * 4,259,840 + 2 * 1,572,864 = 11,665,408 -> 33,393,152.
TEST(ModelInfo, ForwardFlopsOfTheTinyPresetMatchTheHandCount) {
  const auto dense = presetConfig("tiny");
  const model::ModelInfo d = model::describeModel(dense);
  EXPECT_EQ(d.image.tokens, 65);
  EXPECT_EQ(d.text.tokens, 24);
  EXPECT_EQ(d.image.flops.embedding, 1572864);
  EXPECT_EQ(d.image.flops.qkv, 2 * 1597440);
  EXPECT_EQ(d.image.flops.attention, 2 * 1081600);
  EXPECT_EQ(d.image.flops.projection, 2 * 532480);
  EXPECT_EQ(d.image.flops.ffn, 2 * 4259840);
  EXPECT_EQ(d.image.flops.head, 8192);
  EXPECT_EQ(d.image.flops.total(), 16523776);
  EXPECT_EQ(d.text.flops.embedding, 0);
  EXPECT_EQ(d.text.flops.total(), 5021696);
  EXPECT_EQ(d.flops(), 21545472);
  EXPECT_EQ(model::describeModel(withMoe(dense, 4, 1, "both", "every_nth", 1)).flops(), 21636608);
  EXPECT_EQ(model::describeModel(withMoe(dense, 8, 2, "both", "every_nth", 1)).flops(), 33393152);
}

TEST(ModelInfo, DenseConfigHasNoMoeLayersAndActiveEqualsTotal) {
  const model::ModelInfo info = model::describeModel(presetConfig("small"));
  EXPECT_TRUE(info.image.moeLayers.empty());
  EXPECT_TRUE(info.text.moeLayers.empty());
  EXPECT_EQ(info.activeParameters(), info.parameters());
  EXPECT_EQ(info.preset, "small");
}

// The 224-px presets have the published ViT shapes: ViT-S/16's image tower is ~22M parameters
// and ~4.6 GMACs at 224 px (DeiT-S), ViT-B/16's ~86M and ~17.6 GMACs (ViT paper / timm).
TEST(ModelInfo, VitPresetsHaveThePublishedShapes) {
  for (const auto& [name, params, macs] : {std::tuple{"vit-s16", 21.7e6, 4.6e9}, std::tuple{"vit-b16", 85.8e6, 17.6e9}}) {
    config::ExperimentConfig cfg;
    config::applyModelPreset(*config::findModelPreset(name), cfg);
    EXPECT_EQ(cfg.data.image_size, 224) << name;
    EXPECT_EQ(cfg.model.patch_size, 16) << name;
    EXPECT_EQ(cfg.data.max_text_tokens, 64) << name;
    EXPECT_EQ(cfg.model.text.width, cfg.model.image.width) << name;
    const model::ModelInfo info = model::describeModel(cfg);
    EXPECT_EQ(info.image.tokens, 197) << name;
    EXPECT_NEAR(static_cast<double>(info.image.parameters), params, 0.03 * params) << name;
    EXPECT_NEAR(static_cast<double>(info.image.flops.total()) / 2, macs, 0.05 * macs) << name;
  }
  // The built model agrees with the description at the small one.
  config::ExperimentConfig cfg;
  config::applyModelPreset(*config::findModelPreset("vit-s16"), cfg);
  cfg.data.vocab_size = 256;
  expectCountsMatchTheBuiltModel(cfg);
}

TEST(ModelInfo, ParameterCountsFollowTheImportedArchitectures) {
  // The model.arch of each imported family: class token or not, biases, CLIP's pre-norm,
  // SigLIP's attention-pooling head.
  auto clip = presetConfig("tiny");
  clip.model.arch.pre_norm = true;
  clip.model.arch.text_pool = "eot";
  clip.model.arch.text_causal = true;
  expectCountsMatchTheBuiltModel(clip);
  auto siglip = presetConfig("tiny");
  siglip.model.arch.image_pool = "map";
  siglip.model.arch.patch_bias = true;
  siglip.model.arch.proj_bias = true;
  siglip.loss.contrastive = "siglip";
  expectCountsMatchTheBuiltModel(siglip);
  expectCountsMatchTheBuiltModel(withMoe(siglip, 4, 1, "both", "every_nth", 1));
  EXPECT_EQ(model::describeModel(siglip).image.tokens + 1, model::describeModel(clip).image.tokens);
  auto mean = presetConfig("tiny");
  mean.model.arch.image_pool = "mean";
  expectCountsMatchTheBuiltModel(mean);
}
