// Size presets: applied before the file's fields, so explicit fields win; dumped resolved.
#include "vimoe/config/model_presets.h"

#include <gtest/gtest.h>

#include "issue_strings.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

using nlohmann::json;
using testing::issueStrings;
using Strings = std::vector<std::string>;

ExperimentConfig parseOk(const json& doc) {
  ExperimentConfig config;
  std::vector<ConfigIssue> issues;
  experimentFromJson(doc, config, issues);
  EXPECT_EQ(issueStrings(issues), Strings{});
  return config;
}

TEST(ModelPresets, NamedPresetSetsBothTowersAndEmbedDim) {
  const ExperimentConfig c = parseOk(json::parse(R"({"model": {"preset": "small"}})"));
  EXPECT_EQ(c.model.preset, "small");
  EXPECT_EQ(c.model.embed_dim, 128);
  EXPECT_EQ(c.model.image.width, 128);
  EXPECT_EQ(c.model.image.depth, 4);
  EXPECT_EQ(c.model.image.heads, 4);
  EXPECT_DOUBLE_EQ(c.model.image.mlp_ratio, 4.0);
  EXPECT_EQ(c.model.text.width, 128);
  EXPECT_EQ(c.model.text.depth, 4);
  EXPECT_EQ(c.model.patch_size, 8);  // not part of a preset
}

TEST(ModelPresets, FieldsWrittenInTheFileWinOverThePreset) {
  const ExperimentConfig c = parseOk(json::parse(
      R"({"model": {"image": {"depth": 3}, "preset": "base", "embed_dim": 96, "text": {"width": 64, "heads": 4}}})"));
  EXPECT_EQ(c.model.preset, "base");
  EXPECT_EQ(c.model.embed_dim, 96);     // explicit
  EXPECT_EQ(c.model.image.width, 256);  // preset
  EXPECT_EQ(c.model.image.depth, 3);    // explicit, even though it comes before "preset" in the file
  EXPECT_EQ(c.model.image.heads, 8);    // preset
  EXPECT_EQ(c.model.text.width, 64);    // explicit
  EXPECT_EQ(c.model.text.depth, 6);     // preset
  EXPECT_EQ(c.model.text.heads, 4);     // explicit
}

TEST(ModelPresets, SetOverrideChoosesAPresetAndOverridesStillWin) {
  const Expected<ExperimentConfig> c =
      parseExperimentConfig(R"({"model": {"preset": "tiny"}})", "x.json", {"model.preset=large", "model.text.depth=2"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->model.preset, "large");
  EXPECT_EQ(c->model.image.width, 384);
  EXPECT_EQ(c->model.image.depth, 8);
  EXPECT_EQ(c->model.text.depth, 2);
}

TEST(ModelPresets, UnknownPresetIsAnIssueAndChangesNothing) {
  ExperimentConfig c;
  std::vector<ConfigIssue> issues;
  experimentFromJson(json::parse(R"({"model": {"preset": "huge"}})"), c, issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "model.preset");
  EXPECT_NE(issues[0].message.find("tiny"), std::string::npos) << issues[0].message;
  EXPECT_EQ(c.model.image.width, 64);
}

TEST(ModelPresets, EveryPresetIsAValidChoiceAndPassesValidation) {
  ASSERT_EQ(modelPresets().size(), 4u);
  for (const ModelPreset& preset : modelPresets()) {
    SCOPED_TRACE(preset.name);
    const ExperimentConfig c = parseOk(json{{"model", {{"preset", preset.name}}}, {"moe", {{"enabled", true}}}});
    EXPECT_EQ(c.model.image.width, preset.image.width);
    EXPECT_EQ(c.model.image.width % c.model.image.heads, 0);
  }
  EXPECT_EQ(findModelPreset("custom"), nullptr);
}

TEST(ModelPresets, EachPresetIsWiderAndDeeperThanTheOneBefore) {
  const auto& presets = modelPresets();
  for (std::size_t i = 1; i < presets.size(); ++i) {
    EXPECT_GT(presets[i].image.width, presets[i - 1].image.width) << presets[i].name;
    EXPECT_GT(presets[i].image.depth, presets[i - 1].image.depth) << presets[i].name;
  }
}

TEST(ModelPresets, TinyIsTheDefaultModel) {
  ModelConfig preset;
  applyModelPreset(*findModelPreset("tiny"), preset);
  const ModelConfig defaults;
  EXPECT_EQ(preset.embed_dim, defaults.embed_dim);
  EXPECT_EQ(preset.image.width, defaults.image.width);
  EXPECT_EQ(preset.image.depth, defaults.image.depth);
  EXPECT_EQ(preset.image.heads, defaults.image.heads);
  EXPECT_EQ(preset.text.width, defaults.text.width);
  EXPECT_EQ(preset.text.depth, defaults.text.depth);
  EXPECT_EQ(defaults.preset, "custom");
}

TEST(ModelPresets, DumpShowsThePresetNameAndTheResolvedShape) {
  const ExperimentConfig c = parseOk(json::parse(R"({"model": {"preset": "base", "text": {"depth": 2}}})"));
  const json dump = experimentToJson(c);
  EXPECT_EQ(dump["model"]["preset"], json("base"));
  EXPECT_EQ(dump["model"]["image"]["width"], json(256));
  EXPECT_EQ(dump["model"]["text"]["depth"], json(2));
  // The dump reads back to the same config: the explicit fields in it override the preset.
  EXPECT_EQ(experimentToJson(parseOk(dump)), dump);
}

}  // namespace
}  // namespace vimoe::config
