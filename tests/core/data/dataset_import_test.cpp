// Golden folders: each public format imports from a fixture written in its exact published
// layout (tests/fixtures/<format>/), with Vietnamese text and real (tiny) JPEGs.
#include "vimoe/data/dataset_import.h"

#include <gtest/gtest.h>

#include "vimoe/data/image_check.h"
#include "vimoe/text/unicode.h"

namespace vimoe::data {
namespace {

const std::string kFixtures = VIMOE_TEST_FIXTURES;

ImportOptions strict() {
  ImportOptions o;
  o.checkImagesExist = true;
  return o;
}

void expectClean(const Dataset& d) {
  for (const auto& p : d.problems) ADD_FAILURE() << p.toString();
  for (const auto& s : d.samples) EXPECT_TRUE(checkImageFile(s.imagePath).ok()) << s.imagePath;
}

TEST(DatasetImport, UitViicCocoCaptions) {
  const std::string dir = kFixtures + "/uitviic";
  auto d = importCocoCaptions(dir + "/uitviic_captions_train2017.json", dir + "/images", strict());
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectClean(*d);
  ASSERT_EQ(d->samples.size(), 2u);
  EXPECT_EQ(d->samples[0].imageId, "157656");
  EXPECT_EQ(d->samples[0].fileName, "000000157656.jpg");
  EXPECT_EQ(d->samples[0].captions.size(), 2u);
  EXPECT_EQ(d->samples[1].captions[0], "Hai cô gái đang chơi quần vợt trên sân đất nện.");
  EXPECT_TRUE(d->samples[0].qa.empty());
  EXPECT_EQ(d->samples[0].domain, "");
}

TEST(DatasetImport, KtvicKeepsWordSegmentedCaptionsAsWritten) {
  const std::string dir = kFixtures + "/ktvic";
  auto d = importCocoCaptions(dir + "/train_data.json", dir + "/images", strict());
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectClean(*d);
  ASSERT_EQ(d->samples.size(), 2u);
  EXPECT_EQ(d->samples[0].captions[0], "một người phụ_nữ đang bán trái_cây ở chợ");
}

TEST(DatasetImport, ViVqaCsvWithCoco2014Index) {
  const std::string dir = kFixtures + "/vivqa";
  auto d = importViVqa(dir + "/train.csv", {dir + "/captions_train2014.json", dir + "/captions_val2014.json"},
                       dir + "/images", strict());
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectClean(*d);
  ASSERT_EQ(d->samples.size(), 2u);
  EXPECT_EQ(d->samples[0].imageId, "9");
  EXPECT_EQ(d->samples[0].fileName, "train2014/COCO_train2014_000000000009.jpg");
  ASSERT_EQ(d->samples[0].qa.size(), 2u);
  EXPECT_EQ(d->samples[0].qa[0].question, "có bao nhiêu cái bánh trên đĩa");
  EXPECT_EQ(d->samples[0].qa[0].answers, std::vector<std::string>{"hai"});
  EXPECT_EQ(d->samples[0].qa[0].type, "count");
  EXPECT_EQ(d->samples[0].qa[1].type, "colour");
  EXPECT_EQ(d->samples[0].qa[0].id, "0");
  // A quoted cell with a comma inside.
  EXPECT_EQ(d->samples[1].qa[0].question, "con chó nằm ở đâu, trên ghế hay dưới sàn");
  EXPECT_EQ(d->samples[1].qa[0].type, "position");
  EXPECT_EQ(d->samples[1].qa[1].type, "object");
  EXPECT_EQ(d->questionCount(), 4u);
}

TEST(DatasetImport, ViVqaWithoutIndexIsAnError) {
  const std::string dir = kFixtures + "/vivqa";
  EXPECT_FALSE(importViVqa(dir + "/train.csv", {}, dir + "/images", strict()).ok());
}

TEST(DatasetImport, OpenViVqaIdKeyedDicts) {
  const std::string dir = kFixtures + "/openvivqa";
  auto d = importOpenViVqa(dir + "/vlsp2023_train_data.json", dir + "/images", strict());
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectClean(*d);
  ASSERT_EQ(d->samples.size(), 2u);
  EXPECT_EQ(d->samples[0].fileName, "00000000001.jpg");
  ASSERT_EQ(d->samples[0].qa.size(), 2u);
  EXPECT_EQ(d->samples[0].qa[0].id, "4031");
  EXPECT_EQ(d->samples[0].qa[0].answers[0], "phở hà nội");
  EXPECT_EQ(d->samples[1].qa[0].answers[0], "màu xanh lá cây");
}

TEST(DatasetImport, EvjvqaIsMultilingual) {
  const std::string dir = kFixtures + "/evjvqa";
  auto d = importVqaList(dir + "/evjvqa_train.json", "evjvqa", dir + "/images", strict());
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectClean(*d);
  ASSERT_EQ(d->samples.size(), 2u);
  ASSERT_EQ(d->samples[0].qa.size(), 2u);
  EXPECT_EQ(d->samples[0].qa[0].language, "vi");
  EXPECT_EQ(d->samples[0].qa[1].language, "en");
  EXPECT_EQ(d->samples[1].qa[0].language, "ja");
  EXPECT_EQ(d->samples[1].qa[0].answers[0], "自転車は青です");
}

TEST(DatasetImport, ViTextVqaAnswersList) {
  const std::string dir = kFixtures + "/vitextvqa";
  auto d = importVqaList(dir + "/ViTextVQA_train.json", "vitextvqa", dir + "/images", strict());
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectClean(*d);
  ASSERT_EQ(d->samples.size(), 2u);
  EXPECT_EQ(d->samples[0].qa[0].answers, (std::vector<std::string>{"cà phê muối", "cafe muối"}));
  EXPECT_EQ(d->samples[1].qa[0].answers[0], "0903 123 456");
}

TEST(DatasetImport, ViOcrVqaDataFolder) {
  const std::string dir = kFixtures + "/viocrvqa";
  auto d = importVqaList(dir + "/data/train.json", "viocrvqa", dir + "/images", strict());
  ASSERT_TRUE(d.ok()) << d.error().message;
  expectClean(*d);
  ASSERT_EQ(d->samples.size(), 2u);
  EXPECT_EQ(d->samples[0].imageId, "0");
  EXPECT_EQ(d->samples[0].qa.size(), 2u);
  EXPECT_EQ(d->samples[0].qa[0].answers[0], "đắc nhân tâm");
}

TEST(DatasetImport, DetectsEveryFixtureFormat) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"uitviic/uitviic_captions_train2017.json", "coco_captions"},
      {"ktvic/train_data.json", "coco_captions"},
      {"vivqa/train.csv", "vivqa"},
      {"openvivqa/vlsp2023_train_data.json", "openvivqa"},
      {"evjvqa/evjvqa_train.json", "evjvqa"},
      {"vitextvqa/ViTextVQA_train.json", "vitextvqa"},
      {"viocrvqa/data/train.json", "viocrvqa"},
  };
  for (const auto& [file, format] : cases) {
    auto detected = detectFormat(kFixtures + "/" + file);
    ASSERT_TRUE(detected.ok()) << file << ": " << detected.error().message;
    EXPECT_EQ(*detected, format) << file;
  }
}

TEST(DatasetImport, SpecImportsThroughTheRightImporter) {
  DatasetSpec spec;
  spec.root = kFixtures + "/vivqa";
  spec.files = {"train.csv"};
  spec.imageIndex = {"captions_train2014.json", "captions_val2014.json"};
  auto d = importDataset(spec, strict());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->format, "vivqa");
  EXPECT_EQ(d->questionCount(), 4u);
  EXPECT_TRUE(d->problems.empty());
}

TEST(DatasetImport, CanonicalFormatNamesAndAliases) {
  EXPECT_EQ(canonicalFormat("uitviic"), "coco_captions");
  EXPECT_EQ(canonicalFormat("ktvic"), "coco_captions");
  EXPECT_EQ(canonicalFormat("viocrvqa"), "viocrvqa");
  EXPECT_EQ(canonicalFormat("vqa"), "");
}

}  // namespace
}  // namespace vimoe::data
