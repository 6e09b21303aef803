#include <gtest/gtest.h>

#include "scratch_dir.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

using testing::ScratchDir;

std::string studyError(const std::string& text) {
  const Expected<StudyConfig> study = parseStudyConfig(text, "study.json");
  return study.ok() ? "<no error>" : study.error().message;
}

TEST(StudyConfig, LoadsNameBaseVariantsAndSmokeOverrides) {
  ScratchDir dir;
  const std::string path = dir.write("study.json", R"({
    "name": "experts",
    "base": "experiments/base.json",
    "variants": [
      {"name": "dense"},
      {"name": "moe-e4-k1", "overrides": ["moe.enabled=true", "moe.num_experts=4"]}
    ],
    "smoke_overrides": ["run.steps=5", "optim.warmup_steps=1"]
  })");
  const Expected<StudyConfig> study = loadStudyConfig(path);
  ASSERT_TRUE(study.ok()) << study.error().message;
  EXPECT_EQ(study->name, "experts");
  EXPECT_EQ(study->base, "experiments/base.json");
  ASSERT_EQ(study->variants.size(), 2u);
  EXPECT_EQ(study->variants[0].name, "dense");
  EXPECT_TRUE(study->variants[0].overrides.empty());
  EXPECT_EQ(study->variants[1].name, "moe-e4-k1");
  EXPECT_EQ(study->variants[1].overrides, (std::vector<std::string>{"moe.enabled=true", "moe.num_experts=4"}));
  EXPECT_EQ(study->smoke_overrides, (std::vector<std::string>{"run.steps=5", "optim.warmup_steps=1"}));
}

TEST(StudyConfig, MissingNameBaseAndEmptyVariantsAreAllReported) {
  EXPECT_EQ(studyError(R"({"variants": []})"),
            "study.json: missing required key 'name'\n"
            "study.json: missing required key 'base'\n"
            "study.json: variants: needs at least one variant");
  EXPECT_EQ(studyError(R"({"name": "", "base": 3})"),
            "study.json: name: must not be empty\n"
            "study.json: base: expected a string, got 3\n"
            "study.json: missing required key 'variants'");
}

TEST(StudyConfig, VariantProblemsCarryTheirIndex) {
  const std::string text = R"({
    "name": "s", "base": "b.json",
    "variants": [
      {"name": "dense"},
      {"nme": "x"},
      {"name": "dense", "overrides": ["moe.enabled", 5, "moe.top_k=2", "moe.top_k.x=1"]},
      "moe"
    ]
  })";
  EXPECT_EQ(studyError(text),
            "study.json: variants[1]: missing required key 'name'\n"
            "study.json: variants[1].nme: unknown key 'nme'; did you mean 'name'?\n"
            "study.json: variants[2].overrides[0]: override 'moe.enabled' has no '='; expected key=value, e.g. "
            "optim.lr=3e-4\n"
            "study.json: variants[2].overrides[1]: expected a \"key=value\" string, got 5\n"
            "study.json: variants[2].overrides[3]: override 'moe.top_k.x=1': 'moe.top_k' is not an object (it is 2)\n"
            "study.json: variants[2].name: duplicate variant name 'dense' (also variants[0])\n"
            "study.json: variants[3]: expected an object, got \"moe\"");
}

// An import step reads a published checkpoint (or an earlier variant published first) and
// trains nothing.
TEST(StudyConfig, ImportStepsNameTheirSourceAndTakeNoOverrides) {
  const Expected<StudyConfig> study = parseStudyConfig(R"({
    "name": "s", "base": "b.json",
    "variants": [
      {"name": "pretrain"},
      {"name": "published", "import": "@pretrain"},
      {"name": "clip", "import": "pretrained/clip-vit-b16", "format": "hf-clip"},
      {"name": "tuned", "overrides": ["model.init_from=@clip"]}
    ]
  })", "study.json");
  ASSERT_TRUE(study.ok()) << study.error().message;
  EXPECT_FALSE(study->variants[0].isImport());
  EXPECT_TRUE(study->variants[1].isImport());
  EXPECT_EQ(study->variants[1].import_from, "@pretrain");
  EXPECT_EQ(study->variants[1].via, "open-clip");  // the layout `vimoe export` writes
  EXPECT_EQ(study->variants[2].import_from, "pretrained/clip-vit-b16");
  EXPECT_EQ(study->variants[2].import_format, "hf-clip");
  EXPECT_EQ(study->variants[2].via, "");
  EXPECT_FALSE(study->variants[3].isImport());

  EXPECT_EQ(studyError(R"({
    "name": "s", "base": "b.json",
    "variants": [
      {"name": "a", "import": "@x", "via": "hf-clip", "overrides": ["run.steps=5"]},
      {"name": "b", "import": "ckpt", "via": "open-clip", "format": "clip"},
      {"name": "c", "format": "open-clip"},
      {"name": "d", "import": ""}
    ]
  })"),
            "study.json: variants[0].via: expected one of open-clip, got \"hf-clip\"\n"
            "study.json: variants[0].overrides: an import step trains nothing; set the overrides on the variants that start from it\n"
            "study.json: variants[1].format: expected one of hf-clip, hf-siglip, open-clip, torchvision-vit, got \"clip\"\n"
            "study.json: variants[1].via: only an import of an earlier variant (\"@name\") is published first\n"
            "study.json: variants[2].format: only an import step (with \"import\") takes it\n"
            "study.json: variants[3].import: must not be empty");
}

TEST(StudyConfig, SeedsAreDistinctNonNegativeIntegers) {
  const auto study = parseStudyConfig(R"({"name": "s", "base": "b.json", "variants": [{"name": "dense"}], "seeds": [1, 2, 3]})",
                                      "study.json");
  ASSERT_TRUE(study.ok()) << study.error().message;
  EXPECT_EQ(study->seeds, (std::vector<std::uint64_t>{1, 2, 3}));
  EXPECT_EQ(studyError(R"({"name": "s", "base": "b.json", "variants": [{"name": "d"}], "seeds": [1, -2, 1, "3"]})"),
            "study.json: seeds[1]: expected a non-negative integer, got -2\n"
            "study.json: seeds[2]: seed 1 is listed twice\n"
            "study.json: seeds[3]: expected a non-negative integer, got \"3\"");
  EXPECT_EQ(studyError(R"({"name": "s", "base": "b.json", "variants": [{"name": "d"}], "seeds": []})"),
            "study.json: seeds: expected a non-empty array of seeds such as [1, 2, 3], got []");
}

TEST(StudyConfig, UnknownTopLevelKeysAndBadSmokeOverrides) {
  EXPECT_EQ(studyError(R"({"name": "s", "base": "b.json", "variants": [{"name": "a"}],
                           "smoke_override": ["run.steps=5"], "smoke_overrides": "run.steps=5"})"),
            "study.json: smoke_overrides: expected an array of \"key=value\" strings, got \"run.steps=5\"\n"
            "study.json: smoke_override: unknown key 'smoke_override'; did you mean 'smoke_overrides'?");
  EXPECT_EQ(studyError(R"({"name": "s", "base": "b.json", "variants": {"name": "a"}})"),
            "study.json: variants: expected an array, got {\"name\":\"a\"}");
}

TEST(StudyConfig, MalformedJsonAndMissingFileNameTheFile) {
  ScratchDir dir;
  const std::string path = dir.write("study.json", "{\"name\": \"s\",}");
  const Expected<StudyConfig> broken = loadStudyConfig(path);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().message,
            path + ":1:14: invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal");

  const Expected<StudyConfig> missing = loadStudyConfig(dir.path("absent.json"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message.rfind(dir.path("absent.json") + ": cannot open file", 0), 0u);
}

TEST(StudyConfig, DocumentMustBeAnObject) { EXPECT_EQ(studyError("[]"), "study.json: expected an object, got []"); }

}  // namespace
}  // namespace vimoe::config
