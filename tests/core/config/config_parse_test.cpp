#include <gtest/gtest.h>

#include "issue_strings.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

using nlohmann::json;
using testing::issueStrings;
using testing::parseIssues;
using Strings = std::vector<std::string>;

TEST(ConfigParse, EmptyObjectGivesDefaultsWithoutIssues) {
  ExperimentConfig config;
  std::vector<ConfigIssue> issues;
  experimentFromJson(json::object(), config, issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(config.moe.num_experts, 4);
  EXPECT_EQ(config.moe.router, "top_k");
  EXPECT_DOUBLE_EQ(config.optim.lr, 1e-3);
  EXPECT_EQ(config.data.synthetic.seed, 7u);
  EXPECT_EQ(config.run.steps, 300);
}

TEST(ConfigParse, DefaultsPassValidation) { EXPECT_TRUE(validate(ExperimentConfig{}).empty()); }

TEST(ConfigParse, ReadsNestedValues) {
  const json doc = json::parse(R"({
    "data": {"image_size": 32, "tokenizer_type": "bpe", "synthetic": {"seed": 99, "train_images": 64}},
    "model": {"patch_size": 4, "image": {"width": 96, "heads": 3, "mlp_ratio": 2.5}},
    "moe": {"enabled": true, "num_experts": 8, "top_k": 2, "gate_norm": "softmax"},
    "run": {"seed": 18446744073709551615, "name": "wide"}
  })");
  ExperimentConfig config;
  std::vector<ConfigIssue> issues;
  experimentFromJson(doc, config, issues);
  EXPECT_EQ(issueStrings(issues), Strings{});
  EXPECT_EQ(config.data.image_size, 32);
  EXPECT_EQ(config.data.tokenizer_type, "bpe");
  EXPECT_EQ(config.data.synthetic.seed, 99u);
  EXPECT_EQ(config.data.synthetic.train_images, 64);
  EXPECT_EQ(config.data.synthetic.val_images, 256);  // untouched sibling keeps its default
  EXPECT_EQ(config.model.patch_size, 4);
  EXPECT_EQ(config.model.image.width, 96);
  EXPECT_EQ(config.model.image.heads, 3);
  EXPECT_DOUBLE_EQ(config.model.image.mlp_ratio, 2.5);
  EXPECT_EQ(config.model.text.width, 64);
  EXPECT_TRUE(config.moe.enabled);
  EXPECT_EQ(config.moe.top_k, 2);
  EXPECT_EQ(config.moe.gate_norm, "softmax");
  EXPECT_EQ(config.run.seed, 18446744073709551615u);
  EXPECT_EQ(config.run.name, "wide");
}

TEST(ConfigParse, WholeFloatsAreIntegersAndIntegersAreDoubles) {
  ExperimentConfig config;
  std::vector<ConfigIssue> issues;
  experimentFromJson(json::parse(R"({"run": {"steps": 1e4, "seed": 5.0}, "optim": {"lr": 1, "grad_clip": 0}})"),
                     config, issues);
  EXPECT_EQ(issueStrings(issues), Strings{});
  EXPECT_EQ(config.run.steps, 10000);
  EXPECT_EQ(config.run.seed, 5u);
  EXPECT_DOUBLE_EQ(config.optim.lr, 1.0);
  EXPECT_DOUBLE_EQ(config.optim.grad_clip, 0.0);
}

TEST(ConfigParse, WrongTypeSaysWhatWasExpectedAndWhatWasFound) {
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"num_experts": "abc"}})")),
            Strings{R"(moe.num_experts: expected an integer, got "abc")"});
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"top_k": 2.5}})")), Strings{"moe.top_k: expected an integer, got 2.5"});
  EXPECT_EQ(parseIssues(json::parse(R"({"optim": {"lr": "fast"}})")),
            Strings{R"(optim.lr: expected a number, got "fast")"});
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"enabled": "yes"}})")),
            Strings{R"(moe.enabled: expected true or false, got "yes")"});
  EXPECT_EQ(parseIssues(json::parse(R"({"run": {"name": 5}})")), Strings{"run.name: expected a string, got 5"});
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"router": null}})")), Strings{"moe.router: expected a string, got null"});
  EXPECT_EQ(parseIssues(json::parse(R"({"run": {"seed": -1}})")),
            Strings{"run.seed: expected a non-negative integer, got -1"});
}

TEST(ConfigParse, LongValuesAreShortenedInMessages) {
  json doc;
  doc["run"]["steps"] = std::string(100, 'x');
  EXPECT_EQ(parseIssues(doc), Strings{"run.steps: expected an integer, got \"" + std::string(56, 'x') + "..."});
}

TEST(ConfigParse, OutOfRangePrintsTheAllowedRange) {
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"num_experts": 0}})")),
            Strings{"moe.num_experts: 0 is out of range [1, 1024]"});
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"num_experts": 10000000000}})")),
            Strings{"moe.num_experts: 10000000000 is out of range [1, 1024]"});
  EXPECT_EQ(parseIssues(json::parse(R"({"optim": {"lr": 0}})")), Strings{"optim.lr: 0 is out of range (0, 10]"});
  EXPECT_EQ(parseIssues(json::parse(R"({"optim": {"beta1": 1}})")), Strings{"optim.beta1: 1 is out of range [0, 1)"});
  EXPECT_EQ(parseIssues(json::parse(R"({"model": {"text": {"mlp_ratio": 0.1}}})")),
            Strings{"model.text.mlp_ratio: 0.1 is out of range [0.25, 16]"});
  EXPECT_EQ(parseIssues(json::parse(R"({"run": {"log_every": 0}})")), Strings{"run.log_every: 0 is out of range [1, ...]"});
  EXPECT_EQ(parseIssues(json::parse(R"({"data": {"synthetic": {"seed": 9223372036854775808}}})")),
            Strings{"data.synthetic.seed: 9223372036854775808 is out of range [0, 9223372036854775807]"});
}

TEST(ConfigParse, RejectedValuesLeaveTheDefaultInPlace) {
  ExperimentConfig config;
  std::vector<ConfigIssue> issues;
  experimentFromJson(json::parse(R"({"moe": {"num_experts": 0, "top_k": "two"}})"), config, issues);
  EXPECT_EQ(issues.size(), 2u);
  EXPECT_EQ(config.moe.num_experts, 4);
  EXPECT_EQ(config.moe.top_k, 1);
}

TEST(ConfigParse, InvalidChoiceListsTheChoicesAndSuggestsTheNearest) {
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"router": "topk"}})")),
            Strings{"moe.router: 'topk' is not one of: top_k, noisy_top_k, batch_priority, expert_choice; did you mean 'top_k'?"});
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"gate_norm": "xyz"}})")),
            Strings{"moe.gate_norm: 'xyz' is not one of: auto, renormalize, softmax"});
  EXPECT_EQ(parseIssues(json::parse(R"({"optim": {"schedule": "cosin"}})")),
            Strings{"optim.schedule: 'cosin' is not one of: cosine, constant; did you mean 'cosine'?"});
}

TEST(ConfigParse, UnknownKeysSuggestTheNearestKnownKey) {
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": {"num_expert": 8}})")),
            Strings{"moe.num_expert: unknown key 'num_expert'; did you mean 'num_experts'?"});
  EXPECT_EQ(parseIssues(json::parse(R"({"modle": {}})")), Strings{"modle: unknown key 'modle'; did you mean 'model'?"});
  EXPECT_EQ(parseIssues(json::parse(R"({"data": {"synthetic": {"sed": 1}}})")),
            Strings{"data.synthetic.sed: unknown key 'sed'; did you mean 'seed'?"});
  EXPECT_EQ(parseIssues(json::parse(R"({"loss": {"zzzzzzzz": 1}})")),
            Strings{"loss.zzzzzzzz: unknown key 'zzzzzzzz'; expected one of: contrastive, load_balance_weight, "
                    "z_loss_weight, importance_weight, load_weight, entropy_local_weight, "
                    "entropy_global_weight, entropy_global_min_experts"});
}

TEST(ConfigParse, NonObjectWhereAnObjectBelongs) {
  EXPECT_EQ(parseIssues(json::parse(R"({"model": {"image": 5}})")), Strings{"model.image: expected an object, got 5"});
  EXPECT_EQ(parseIssues(json::parse(R"({"moe": [1, 2]})")), Strings{"moe: expected an object, got [1,2]"});
  EXPECT_EQ(parseIssues(json::parse("[1, 2]")), Strings{"expected an object, got [1,2]"});
}

TEST(ConfigParse, ReportsEveryProblemAtOnce) {
  const json doc = json::parse(R"({
    "data": {"image_size": 8, "format": "coco"},
    "model": {"image": {"heads": "four"}},
    "moe": {"num_expert": 8, "top_k": 0},
    "optim": {"lr": -1},
    "extra": true
  })");
  const Strings issues = parseIssues(doc);
  ASSERT_EQ(issues.size(), 7u);
  EXPECT_EQ(issues, (Strings{
                        "data.format: 'coco' is not one of: coco_captions, synthetic_captions",
                        "data.image_size: 8 is out of range [16, 1024]",
                        R"(model.image.heads: expected an integer, got "four")",
                        "moe.top_k: 0 is out of range [1, 1024]",
                        "moe.num_expert: unknown key 'num_expert'; did you mean 'num_experts'?",
                        "optim.lr: -1 is out of range (0, 10]",
                        "extra: unknown key 'extra'; expected one of: data, model, moe, loss, optim, adversarial, run, task",
                    }));
}

}  // namespace
}  // namespace vimoe::config
