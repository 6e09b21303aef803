#include <gtest/gtest.h>

#include "scratch_dir.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

using testing::ScratchDir;

TEST(ConfigLoad, LoadsAFileAndAppliesOverrides) {
  ScratchDir dir;
  const std::string path = dir.write("exp.json", R"({"moe": {"enabled": true, "num_experts": 8}, "run": {"steps": 50}})");
  const Expected<ExperimentConfig> config = loadExperimentConfig(path, {"moe.top_k=2"});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->moe.enabled);
  EXPECT_EQ(config->moe.num_experts, 8);
  EXPECT_EQ(config->moe.top_k, 2);
  EXPECT_EQ(config->run.steps, 50);
  EXPECT_EQ(config->optim.batch_size, 64);
}

TEST(ConfigLoad, MissingFileNamesThePath) {
  ScratchDir dir;
  const std::string path = dir.path("absent.json");
  const Expected<ExperimentConfig> config = loadExperimentConfig(path);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message.rfind(path + ": cannot open file", 0), 0u) << config.error().message;
}

TEST(ConfigLoad, MalformedJsonGivesFileLineAndColumn) {
  ScratchDir dir;
  const std::string path = dir.write("broken.json", "{\n  \"moe\": {\n    \"top_k\": 2,\n  }\n}\n");
  const Expected<ExperimentConfig> config = loadExperimentConfig(path);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message,
            path + ":4:3: invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal");
}

TEST(ConfigLoad, EmptyFileIsMalformedJson) {
  const Expected<ExperimentConfig> config = parseExperimentConfig("", "empty.json");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message.rfind("empty.json:1:1: invalid JSON: ", 0), 0u) << config.error().message;
}

TEST(ConfigLoad, IssuesBecomeOneLinePerProblemPrefixedWithTheFile) {
  ScratchDir dir;
  const std::string path = dir.write("exp.json", R"({"moe": {"top_k": "two"}, "run": {"step": 5}})");
  const Expected<ExperimentConfig> config = loadExperimentConfig(path);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, path + ": moe.top_k: expected an integer, got \"two\"\n" + path +
                                        ": run.step: unknown key 'step'; did you mean 'steps'?");
}

TEST(ConfigLoad, DocumentThatIsNotAnObjectHasNoPath) {
  const Expected<ExperimentConfig> config = parseExperimentConfig("[1, 2]", "list.json");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "list.json: expected an object, got [1,2]");
}

// Guards the no-throw promise: a raw override string with invalid UTF-8 ends up quoted in an
// error message, and a plain json::dump() would throw on it.
TEST(ConfigLoad, InvalidUtf8InAnOverrideIsReportedNotThrown) {
  Expected<ExperimentConfig> config = Error{""};
  EXPECT_NO_THROW(config = parseExperimentConfig("{}", "exp.json", {"moe.top_k=\xff"}));
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "exp.json: moe.top_k: expected an integer, got \"\xEF\xBF\xBD\"");
}

TEST(ConfigLoad, DumpedConfigLoadsBackUnchanged) {
  ScratchDir dir;
  const Expected<ExperimentConfig> original = parseExperimentConfig("{}", "exp.json", {"moe.enabled=true", "run.name=x"});
  ASSERT_TRUE(original.ok()) << original.error().message;
  const std::string path = dir.write("dump.json", experimentToJson(*original).dump(2));
  const Expected<ExperimentConfig> reread = loadExperimentConfig(path);
  ASSERT_TRUE(reread.ok()) << reread.error().message;
  EXPECT_EQ(experimentToJson(*reread), experimentToJson(*original));
  EXPECT_TRUE(reread->moe.enabled);
  EXPECT_EQ(reread->run.name, "x");
}

}  // namespace
}  // namespace vimoe::config
