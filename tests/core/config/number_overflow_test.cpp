// Issue 21: a number too large for a double in a config, study or project file used to come
// back as nlohmann's raw out_of_range message; it is now "file:line:column: invalid JSON:
// the number ... is too large for a double", like any other syntax error.
#include <gtest/gtest.h>

#include "scratch_dir.h"
#include "vimoe/config/config_io.h"
#include "vimoe/config/project.h"

namespace vimoe::config {
namespace {

using testing::ScratchDir;

const char* const kTooLarge =
    " is too large for a double (the largest is about 1.8e308); write a smaller number, or quote it as a string if "
    "it is an id";

TEST(NumberOverflow, ExperimentConfigNamesFileLineAndColumn) {
  ScratchDir dir;
  const std::string path = dir.write("exp.json", R"({"run": {"steps": 1e99999}})");
  const Expected<ExperimentConfig> config = loadExperimentConfig(path);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, path + ":1:19: invalid JSON: the number 1e99999" + kTooLarge);
}

TEST(NumberOverflow, OverrideValueTooLargeIsTakenAsTextAndRejectedByItsField) {
  const Expected<ExperimentConfig> config = parseExperimentConfig("{}", "exp.json", {"run.steps=1e99999"});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "exp.json: run.steps: expected an integer, got \"1e99999\"");
}

TEST(NumberOverflow, StudyFileNamesFileLineAndColumn) {
  ScratchDir dir;
  const std::string path = dir.write("study.json", "{\"name\": \"s\", \"base\": \"b.json\",\n"
                                                   " \"attack\": {\"attack\": \"pgd\", \"steps\": -9e999}}");
  const Expected<StudyConfig> study = loadStudyConfig(path);
  ASSERT_FALSE(study.ok());
  EXPECT_EQ(study.error().message, path + ":2:39: invalid JSON: the number -9e999" + kTooLarge);
}

TEST(NumberOverflow, ProjectFileNamesFileLineAndColumn) {
  ScratchDir dir;
  dir.write(kProjectFileName, R"({"name": "p", "store": 1E400})");
  const Expected<Project> project = loadProject(dir.path());
  ASSERT_FALSE(project.ok());
  EXPECT_NE(project.error().message.find(std::string(kProjectFileName) + ":1:24: invalid JSON: the number 1E400"),
            std::string::npos)
      << project.error().message;
}

}  // namespace
}  // namespace vimoe::config
