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
  ASSERT_EQ(modelPresets().size(), 6u);
  for (const ModelPreset& preset : modelPresets()) {
    SCOPED_TRACE(preset.name);
    const ExperimentConfig c = parseOk(json{{"model", {{"preset", preset.name}}}, {"moe", {{"enabled", true}}}});
    EXPECT_EQ(c.model.image.width, preset.image.width);
    EXPECT_EQ(c.model.image.width % c.model.image.heads, 0);
  }
  EXPECT_EQ(findModelPreset("custom"), nullptr);
}

// The 64-px family grows in width and depth; the ViTs keep the published depth 12 and grow wider.
TEST(ModelPresets, EachPresetIsWiderAndDeeperThanTheOneBefore) {
  const auto& presets = modelPresets();
  for (std::size_t i = 1; i < presets.size(); ++i) {
    if (presets[i].imageSize != presets[i - 1].imageSize) continue;  // a new family
    EXPECT_GT(presets[i].image.width, presets[i - 1].image.width) << presets[i].name;
    if (presets[i].imageSize == 0) EXPECT_GT(presets[i].image.depth, presets[i - 1].image.depth) << presets[i].name;
  }
}

TEST(ModelPresets, VitPresetsSetTheirResolutionAndTheFileStillWins) {
  const ExperimentConfig s16 = parseOk(json{{"model", {{"preset", "vit-s16"}}}});
  EXPECT_EQ(s16.model.patch_size, 16);
  EXPECT_EQ(s16.data.image_size, 224);
  EXPECT_EQ(s16.data.max_text_tokens, 64);
  EXPECT_EQ(s16.model.image.width, 384);
  EXPECT_EQ(s16.model.image.heads, 6);
  EXPECT_EQ(s16.model.text.width, 384);
  const ExperimentConfig b16 = parseOk(json{{"model", {{"preset", "vit-b16"}}}, {"data", {{"image_size", 384}}}});
  EXPECT_EQ(b16.data.image_size, 384);  // written explicitly: wins over the preset
  EXPECT_EQ(b16.model.image.width, 768);
  EXPECT_EQ(b16.model.image.heads, 12);
  // The 64-px presets leave the data's resolution alone.
  const ExperimentConfig small = parseOk(json{{"model", {{"preset", "small"}}}, {"data", {{"image_size", 96}}}});
  EXPECT_EQ(small.data.image_size, 96);
  EXPECT_EQ(small.model.patch_size, 8);
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
