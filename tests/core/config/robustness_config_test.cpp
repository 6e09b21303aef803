// The robustness lab's config: the `adversarial` section of an experiment, the `attack` section
// of a study, and eps written as "2/255".
#include <gtest/gtest.h>

#include "issue_strings.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

using nlohmann::json;
using testing::parseIssues;
using Strings = std::vector<std::string>;

TEST(RobustnessConfig, AdversarialTrainingIsOffByDefaultAndReadsItsFields) {
  ExperimentConfig config;
  std::vector<ConfigIssue> issues;
  experimentFromJson(json::parse(R"({"adversarial": {"steps": 10, "eps": 0.0313725, "random_start": false}})"), config, issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(config.adversarial.steps, 10);
  EXPECT_NEAR(config.adversarial.eps, 8.0 / 255.0, 1e-6);
  EXPECT_FALSE(config.adversarial.random_start);
  EXPECT_EQ(ExperimentConfig{}.adversarial.steps, 0);
  EXPECT_EQ(parseIssues(json::parse(R"({"adversarial": {"eps": 2}})")), Strings{"adversarial.eps: 2 is out of range [0, 1]"});
}

TEST(RobustnessConfig, EpsilonReadsFractionsAndNumbersInTheUnitInterval) {
  EXPECT_NEAR(*parseEpsilon("2/255"), 2.0 / 255.0, 1e-15);
  EXPECT_NEAR(*parseEpsilon("0.5"), 0.5, 1e-15);
  EXPECT_EQ(*parseEpsilon("0"), 0.0);
  EXPECT_FALSE(parseEpsilon("2/0"));
  EXPECT_FALSE(parseEpsilon("300/255"));
  EXPECT_FALSE(parseEpsilon("-0.1"));
  EXPECT_FALSE(parseEpsilon("2/255x"));
  EXPECT_FALSE(parseEpsilon("abc"));
  EXPECT_FALSE(parseEpsilon(""));
}

TEST(RobustnessConfig, StudyAttackSectionIsReadAndItsMistakesNamed) {
  const auto study = parseStudyConfig(R"({"name": "r", "base": "b.json", "variants": [{"name": "dense"}],
      "attack": {"attack": "apgd", "eps": ["1/255", 0.01], "target": "zero_shot", "samples": 64, "steps": 20, "aux_loss": true}})",
                                      "study.json");
  ASSERT_TRUE(study.ok()) << study.error().message;
  EXPECT_EQ(study->attack.attack, "apgd");
  EXPECT_EQ(study->attack.eps, (Strings{"1/255", "0.01"}));
  EXPECT_EQ(study->attack.samples, 64);
  EXPECT_EQ(study->attack.steps, 20);
  EXPECT_TRUE(study->attack.aux_loss);

  const auto bad = parseStudyConfig(R"({"name": "r", "base": "b.json", "variants": [{"name": "dense"}],
      "attack": {"attack": "cw", "eps": ["1/255", "9/0"], "samples": 0, "speed": 1}})",
                                    "study.json");
  ASSERT_FALSE(bad.ok());
  const std::string& message = bad.error().message;
  EXPECT_NE(message.find("study.json"), std::string::npos) << message;
  EXPECT_NE(message.find("attack.attack: expected fgsm, pgd or apgd, got \"cw\""), std::string::npos) << message;
  EXPECT_NE(message.find("attack.eps[1]"), std::string::npos) << message;
  EXPECT_NE(message.find("attack.samples"), std::string::npos) << message;
  EXPECT_NE(message.find("attack.speed"), std::string::npos) << message;
}

}  // namespace
}  // namespace vimoe::config
