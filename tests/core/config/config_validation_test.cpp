#include <gtest/gtest.h>

#include "issue_strings.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

using nlohmann::json;
using testing::issueStrings;
using testing::parseIssues;
using Strings = std::vector<std::string>;

TEST(ConfigValidation, TopKAboveNumExpertsNamesTheBound) {
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"num_experts": 2, "top_k": 3}})")),
            Strings{"moe.top_k: 3 is out of range [1, 2] (at most moe.num_experts = 2)"});
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"num_experts": 2, "top_k": 2}})")), Strings{});
}

TEST(ConfigValidation, TowerWidthMustSplitIntoHeads) {
  EXPECT_EQ(parseIssues(json::parse(R"({"model": {"image": {"width": 100, "heads": 3}, "text": {"heads": 5}}})")),
            (Strings{"model.image.width: 100 is not divisible by model.image.heads (3)",
                     "model.text.width: 64 is not divisible by model.text.heads (5)"}));
}

TEST(ConfigValidation, ImageSizeMustSplitIntoPatches) {
  EXPECT_EQ(parseIssues(json::parse(R"({"data": {"image_size": 60}})")),
            Strings{"data.image_size: 60 is not divisible by model.patch_size (8)"});
}

TEST(ConfigValidation, WarmupMustEndBeforeTheRun) {
  EXPECT_EQ(parseIssues(json::parse(R"({"run": {"steps": 20}})")),
            Strings{"optim.warmup_steps: 20 must be less than run.steps (20)"});
  EXPECT_EQ(parseIssues(json::parse(R"({"run": {"steps": 21}})")), Strings{});
}

TEST(ConfigValidation, DecodersNeedTheProjectTokenizerFormat) {
  EXPECT_EQ(parseIssues(json::parse(R"({"run": {"kind": "caption", "steps": 300}, "data": {"text_format": "clip"}})")),
            Strings{"data.text_format: a caption run needs the project's own tokenizer (vimoe), not clip; an imported "
                    "image tower works with either"});
  EXPECT_EQ(parseIssues(json::parse(R"({"data": {"text_format": "siglip"}})")), Strings{});
  EXPECT_EQ(parseIssues(json::parse(R"({"data": {"text_format": "gpt2"}})")).size(), 1u);
}

TEST(ConfigValidation, EveryNthPlacementMustFitTheShallowestMoeTower) {
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"enabled": true, "placement_n": 3}})")),
            Strings{"moe.placement_n: 3 is out of range [1, 2] (at most model.image.depth = 2)"});
  EXPECT_EQ(parseIssues(json::parse(
                R"({"model": {"text": {"depth": 1}}, "moe": {"enabled": true, "placement_n": 2, "towers": "both"}})")),
            Strings{"moe.placement_n: 2 is out of range [1, 1] (at most model.text.depth = 1)"});
  // Only the towers that get MoE layers matter.
  EXPECT_EQ(parseIssues(json::parse(
                R"({"model": {"text": {"depth": 1}}, "moe": {"enabled": true, "placement_n": 2, "towers": "image"}})")),
            Strings{});
  // A dense model and last_n placement never end up without MoE layers.
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"enabled": false, "placement_n": 3}})")), Strings{});
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"enabled": true, "placement": "last_n", "placement_n": 3}})")),
            Strings{});
}

TEST(ConfigValidation, CrossFieldProblemsAreReportedTogether) {
  const json doc = json::parse(R"({
    "data": {"image_size": 30},
    "model": {"image": {"width": 66}},
    "moe": {"num_experts": 1, "top_k": 2},
    "run": {"steps": 5}
  })");
  EXPECT_EQ(parseIssues(doc), (Strings{
                                  "moe.top_k: 2 is out of range [1, 1] (at most moe.num_experts = 1)",
                                  "model.image.width: 66 is not divisible by model.image.heads (4)",
                                  "data.image_size: 30 is not divisible by model.patch_size (8)",
                                  "optim.warmup_steps: 20 must be less than run.steps (5)",
                              }));
}

TEST(ConfigValidation, CrossFieldChecksWaitUntilEveryFieldIsValid) {
  // top_k 3 > num_experts 2 is not reported while the config still has a field-level problem:
  // it would be judged against half-default values.
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"num_experts": 2, "top_k": 3, "router": "x"}})")),
            Strings{"moe.router: 'x' is not one of: top_k, noisy_top_k, batch_priority, expert_choice"});
}

TEST(ConfigValidation, TypedConfigGetsTheSameFieldChecksAsAFile) {
  ExperimentConfig config;
  config.data.train_annotations = "";
  config.moe.router = "topk";
  config.moe.capacity_factor_train = -1;
  config.optim.eps = 0;
  config.run.seed = 0;  // any uint64 is a valid run seed
  config.data.synthetic.seed = 9223372036854775808ull;
  EXPECT_EQ(issueStrings(validate(config)),
            (Strings{
                "data.train_annotations: must not be empty",
                "data.synthetic.seed: 9223372036854775808 is out of range [0, 9223372036854775807]",
                "moe.router: 'topk' is not one of: top_k, noisy_top_k, batch_priority, expert_choice; did you mean 'top_k'?",
                "moe.capacity_factor_train: -1 is out of range [0, 64]",
                "optim.eps: 0 is out of range (0, 1]",
            }));
}

TEST(ConfigValidation, TypedConfigGetsCrossFieldChecks) {
  ExperimentConfig config;
  config.moe.top_k = 5;
  config.optim.warmup_steps = 300;
  EXPECT_EQ(issueStrings(validate(config)),
            (Strings{"moe.top_k: 5 is out of range [1, 4] (at most moe.num_experts = 4)",
                     "optim.warmup_steps: 300 must be less than run.steps (300)"}));
}

TEST(ConfigValidation, AnInvalidBoundIsReportedOnceNotAgainByTheRuleThatUsesIt) {
  ExperimentConfig config;
  config.moe.num_experts = 0;
  config.model.image.heads = 0;
  EXPECT_EQ(issueStrings(validate(config)), (Strings{"model.image.heads: 0 is out of range [1, 64]",
                                                     "moe.num_experts: 0 is out of range [1, 1024]"}));
}

TEST(ConfigValidation, EmptyRequiredStringsAreRejected) {
  EXPECT_EQ(parseIssues(json::parse(R"({"data": {"train_annotations": ""}, "run": {"name": "", "checkpoint_dir": ""}})")),
            (Strings{"data.train_annotations: must not be empty", "run.name: must not be empty",
                     "run.checkpoint_dir: must not be empty"}));
  // An empty image_dir means "images sit directly in the data root".
  EXPECT_EQ(parseIssues(json::parse(R"({"data": {"image_dir": ""}})")), Strings{});
}

}  // namespace
}  // namespace vimoe::config
