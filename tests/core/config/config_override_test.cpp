#include <gtest/gtest.h>

#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

using nlohmann::json;

json applied(json doc, const std::string& assignment) {
  const Status status = applyOverride(doc, assignment);
  EXPECT_TRUE(status.ok()) << status.error().message;
  return doc;
}

std::string overrideError(json doc, const std::string& assignment) {
  const Status status = applyOverride(doc, assignment);
  return status.ok() ? "<no error>" : status.error().message;
}

TEST(ConfigOverride, ValuesAreParsedAsJsonWhenTheyParse) {
  const json doc = json::object();
  EXPECT_EQ(applied(doc, "moe.num_experts=8"), json::parse(R"({"moe": {"num_experts": 8}})"));
  EXPECT_TRUE(applied(doc, "moe.num_experts=8")["moe"]["num_experts"].is_number_integer());
  EXPECT_EQ(applied(doc, "optim.lr=3e-4")["optim"]["lr"], json(3e-4));
  EXPECT_EQ(applied(doc, "moe.enabled=true")["moe"]["enabled"], json(true));
  EXPECT_EQ(applied(doc, "run.name=\"42\"")["run"]["name"], json("42"));
  EXPECT_EQ(applied(doc, "x=[1,2]")["x"], json::parse("[1,2]"));
  EXPECT_EQ(applied(doc, "x=null")["x"], json(nullptr));
}

TEST(ConfigOverride, OtherValuesAreTakenAsStrings) {
  const json doc = json::object();
  EXPECT_EQ(applied(doc, "moe.router=top_k")["moe"]["router"], json("top_k"));
  EXPECT_EQ(applied(doc, "run.checkpoint_dir=runs/a b")["run"]["checkpoint_dir"], json("runs/a b"));
  EXPECT_EQ(applied(doc, "run.name=a=b")["run"]["name"], json("a=b"));  // only the first '=' splits
  EXPECT_EQ(applied(doc, "run.name=")["run"]["name"], json(""));
  EXPECT_EQ(applied(doc, "run.name=[1,")["run"]["name"], json("[1,"));
}

TEST(ConfigOverride, ReplacesTheValueAndKeepsItsSiblings) {
  const json doc = json::parse(R"({"model": {"image": {"width": 64, "depth": 2}}, "run": {"steps": 5}})");
  EXPECT_EQ(applied(doc, "model.image.width=128"),
            json::parse(R"({"model": {"image": {"width": 128, "depth": 2}}, "run": {"steps": 5}})"));
}

TEST(ConfigOverride, CreatesIntermediateObjects) {
  EXPECT_EQ(applied(json::object(), "data.synthetic.seed=3"), json::parse(R"({"data": {"synthetic": {"seed": 3}}})"));
  EXPECT_EQ(applied(json(), "run.steps=10"), json::parse(R"({"run": {"steps": 10}})"));
  EXPECT_EQ(applied(json::object(), " run.steps =10"), json::parse(R"({"run": {"steps": 10}})"));
}

TEST(ConfigOverride, MalformedAssignmentsAreErrors) {
  EXPECT_EQ(overrideError(json::object(), "moe.enabled"),
            "override 'moe.enabled' has no '='; expected key=value, e.g. optim.lr=3e-4");
  EXPECT_EQ(overrideError(json::object(), "=5"), "override '=5' has an empty key; expected key=value, e.g. optim.lr=3e-4");
  EXPECT_EQ(overrideError(json::object(), "moe..top_k=2"), "override 'moe..top_k=2' has an empty key in the path 'moe..top_k'");
  EXPECT_EQ(overrideError(json::object(), "moe.=2"), "override 'moe.=2' has an empty key in the path 'moe.'");
}

TEST(ConfigOverride, CannotDescendIntoANonObject) {
  EXPECT_EQ(overrideError(json::parse(R"({"moe": 5})"), "moe.top_k=2"),
            "override 'moe.top_k=2': 'moe' is not an object (it is 5)");
  EXPECT_EQ(overrideError(json::parse(R"({"model": {"image": [1]}})"), "model.image.width=8"),
            "override 'model.image.width=8': 'model.image' is not an object (it is [1])");
  EXPECT_EQ(overrideError(json::parse("[1]"), "run.steps=2"),
            "override 'run.steps=2': the document is not an object (it is [1])");
}

TEST(ConfigOverride, OverridesGoThroughTheSameChecksAsTheFile) {
  const std::string file = R"({"moe": {"num_experts": 2}, "run": {"name": "base"}})";
  const Expected<ExperimentConfig> config = parseExperimentConfig(
      file, "exp.json",
      {"moe.enabled=true", "moe.num_experts=8", "moe.top_k=2", "optim.lr=3e-4", "run.name=smoke", "model.image.width=128"});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->moe.enabled);
  EXPECT_EQ(config->moe.num_experts, 8);  // the override wins over the file
  EXPECT_EQ(config->moe.top_k, 2);
  EXPECT_DOUBLE_EQ(config->optim.lr, 3e-4);
  EXPECT_EQ(config->run.name, "smoke");
  EXPECT_EQ(config->model.image.width, 128);
}

TEST(ConfigOverride, MisspelledOverrideKeyIsAnUnknownKey) {
  const Expected<ExperimentConfig> config = parseExperimentConfig("{}", "exp.json", {"moe.num_expert=8"});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "exp.json: moe.num_expert: unknown key 'num_expert'; did you mean 'num_experts'?");
}

TEST(ConfigOverride, BadOverridesAreReportedWithTheOtherProblems) {
  const Expected<ExperimentConfig> config =
      parseExperimentConfig(R"({"optim": {"lr": 0}})", "exp.json", {"moe.enabled", "moe.top_k=abc"});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message,
            "exp.json: override 'moe.enabled' has no '='; expected key=value, e.g. optim.lr=3e-4\n"
            "exp.json: moe.top_k: expected an integer, got \"abc\"\n"
            "exp.json: optim.lr: 0 is out of range (0, 10]");
}

}  // namespace
}  // namespace vimoe::config
