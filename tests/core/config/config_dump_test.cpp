#include <gtest/gtest.h>

#include "issue_strings.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

using nlohmann::json;
using testing::issueStrings;

// A config where every field differs from its default, so a field the dump forgets to write
// or the reader forgets to read shows up as a difference.
ExperimentConfig everyFieldChanged() {
  ExperimentConfig c;
  c.data.root = "data/coco";
  c.data.format = "coco_captions";
  c.data.train_annotations = "train.json";
  c.data.val_annotations = "val.json";
  c.data.image_dir = "";
  c.data.image_size = 96;
  c.data.max_text_tokens = 32;
  c.data.tokenizer = "tok/bpe.model";
  c.data.tokenizer_type = "bpe";
  c.data.vocab_size = 1000;
  c.data.crop_min_area = 0.35;
  c.data.flip = true;
  c.data.synthetic = {100, 20, 3, 9223372036854775807ull};
  c.data.synthetic.questions_per_image = 0;
  c.data.synthetic.domains = "textures,shapes";
  c.model.preset = "small";  // and every shape field below overrides it
  c.model.patch_size = 16;
  c.model.embed_dim = 48;
  c.model.image = {96, 3, 6, 2.5};
  c.model.text = {80, 1, 5, 0.25};
  c.model.arch = {"quick_gelu", 1e-6, "map", "eot", true, true, true, true, "siglip"};
  c.moe.enabled = true;
  c.moe.num_experts = 8;
  c.moe.top_k = 2;
  c.moe.router = "top_k";
  c.moe.gate_norm = "renormalize";
  c.moe.capacity_factor_train = 0;
  c.moe.capacity_factor_eval = 1.5;
  c.moe.towers = "image";
  c.moe.placement = "last_n";
  c.moe.placement_n = 2;
  c.moe.router_init_std = 0.1;
  c.loss.load_balance_weight = 0.3;
  c.loss.z_loss_weight = 0.001;
  c.optim.batch_size = 17;
  c.optim.lr = 3e-4;
  c.optim.weight_decay = 0.1;
  c.optim.beta1 = 0.8;
  c.optim.beta2 = 0.999;
  c.optim.eps = 1e-6;
  c.optim.warmup_steps = 0;
  c.optim.schedule = "constant";
  c.optim.min_lr_ratio = 0.1;
  c.optim.grad_clip = 0;
  c.optim.accumulate = 3;
  c.run.name = "everything";
  c.run.steps = 12;
  c.run.seed = 18446744073709551615ull;
  c.run.log_every = 2;
  c.run.eval_every = 3;
  c.run.expert_load_every = 4;
  c.run.checkpoint_every = 6;
  c.run.threads = 2;
  c.run.checkpoint_dir = "ckpt";
  c.run.precision = "bf16";
  return c;
}

TEST(ConfigDump, WritesEveryFieldOfEverySection) {
  const json dump = experimentToJson(ExperimentConfig{});
  EXPECT_EQ(dump.size(), 8u);
  EXPECT_EQ(dump["data"].size(), 18u);
  EXPECT_EQ(dump["data"]["synthetic"].size(), 6u);
  EXPECT_EQ(dump["model"].size(), 8u);
  EXPECT_EQ(dump["model"]["arch"].size(), 11u);
  EXPECT_EQ(dump["model"]["image"].size(), 4u);
  EXPECT_EQ(dump["model"]["text"].size(), 4u);
  EXPECT_EQ(dump["moe"].size(), 14u);
  EXPECT_EQ(dump["loss"].size(), 8u);
  EXPECT_EQ(dump["optim"].size(), 11u);
  EXPECT_EQ(dump["adversarial"].size(), 4u);
  EXPECT_EQ(dump["run"].size(), 14u);
  EXPECT_EQ(dump["task"].size(), 9u);
}

TEST(ConfigDump, WritesEffectiveValuesWithTheirJsonTypes) {
  const json dump = experimentToJson(ExperimentConfig{});
  EXPECT_EQ(dump["optim"]["lr"], json(1e-3));
  EXPECT_TRUE(dump["optim"]["lr"].is_number_float());
  EXPECT_EQ(dump["moe"]["num_experts"], json(4));
  EXPECT_TRUE(dump["moe"]["num_experts"].is_number_integer());
  EXPECT_EQ(dump["moe"]["enabled"], json(false));
  EXPECT_EQ(dump["data"]["synthetic"]["seed"], json(7));
  EXPECT_EQ(dump["run"]["checkpoint_dir"], json("checkpoints"));
}

TEST(ConfigDump, RoundTripKeepsEveryFieldWithoutIssues) {
  const ExperimentConfig original = everyFieldChanged();
  ASSERT_EQ(issueStrings(validate(original)), std::vector<std::string>{});
  const json dumped = experimentToJson(original);
  EXPECT_NE(dumped, experimentToJson(ExperimentConfig{}));

  ExperimentConfig reread;
  std::vector<ConfigIssue> issues;
  experimentFromJson(dumped, reread, issues);
  EXPECT_EQ(issueStrings(issues), std::vector<std::string>{});
  EXPECT_EQ(experimentToJson(reread), dumped);
  EXPECT_EQ(reread.data.image_dir, "");
  EXPECT_EQ(reread.data.synthetic.seed, 9223372036854775807ull);
  EXPECT_DOUBLE_EQ(reread.data.crop_min_area, 0.35);
  EXPECT_TRUE(reread.data.flip);
  EXPECT_EQ(reread.model.text.depth, 1);
  EXPECT_DOUBLE_EQ(reread.model.text.mlp_ratio, 0.25);
  EXPECT_EQ(reread.model.arch.activation, "quick_gelu");
  EXPECT_DOUBLE_EQ(reread.model.arch.norm_eps, 1e-6);
  EXPECT_EQ(reread.model.arch.image_pool, "map");
  EXPECT_EQ(reread.model.arch.text_pool, "eot");
  EXPECT_TRUE(reread.model.arch.text_causal && reread.model.arch.patch_bias && reread.model.arch.pre_norm &&
              reread.model.arch.proj_bias);
  EXPECT_EQ(reread.model.arch.pixel_norm, "siglip");
  EXPECT_EQ(reread.moe.gate_norm, "renormalize");
  EXPECT_DOUBLE_EQ(reread.moe.capacity_factor_train, 0.0);
  EXPECT_DOUBLE_EQ(reread.optim.lr, 3e-4);
  EXPECT_EQ(reread.optim.eps, 1e-6);  // exact: doubles survive the text round trip bit for bit
  EXPECT_EQ(reread.run.seed, 18446744073709551615ull);
  EXPECT_EQ(reread.run.threads, 2);
}

TEST(ConfigDump, DumpTextParsesBackToTheSameConfig) {
  const ExperimentConfig original = everyFieldChanged();
  const std::string text = experimentToJson(original).dump(2);
  const Expected<ExperimentConfig> reread = parseExperimentConfig(text, "dump.json");
  ASSERT_TRUE(reread.ok()) << reread.error().message;
  EXPECT_EQ(experimentToJson(*reread), experimentToJson(original));
}

}  // namespace
}  // namespace vimoe::config
