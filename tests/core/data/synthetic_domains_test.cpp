// The multi-domain generator: every domain draws, captions and asks questions; output is
// pinned by seed; scene text really is drawn (pixels in the ink colour); templates >= 40.
#include <gtest/gtest.h>

#include <set>

#include "support/scratch_dir.h"
#include "vimoe/data/dataset_import.h"
#include "vimoe/data/synthetic_captions.h"
#include "vimoe/text/unicode.h"

namespace vimoe::data {
namespace {

TEST(SyntheticDomains, EveryDomainGivesImageCaptionsAndTypedQuestions) {
  const auto& domains = syntheticDomains();
  ASSERT_EQ(domains.size(), 4u);
  std::map<std::string, std::set<std::string>> typesByDomain;
  for (std::int64_t index = 0; index < 400; ++index) {
    const SyntheticSample s = generateSyntheticSample(7, index, 64, 5, 5, domains);
    EXPECT_EQ(s.scene.domain, domains[std::size_t(index % 4)]);
    EXPECT_EQ(s.image.rows, 64);
    EXPECT_EQ(s.image.type(), CV_8UC3);
    EXPECT_EQ(s.captions.size(), 5u) << s.scene.domain;
    EXPECT_EQ(std::set<std::string>(s.captions.begin(), s.captions.end()).size(), s.captions.size());
    EXPECT_GE(s.qa.size(), 3u);
    for (const QaPair& q : s.qa) {
      EXPECT_TRUE(text::isNfc(q.question));
      ASSERT_EQ(q.answers.size(), 1u);
      EXPECT_FALSE(q.answers[0].empty());
      typesByDomain[s.scene.domain].insert(q.type);
    }
    for (const auto& c : s.captions) EXPECT_TRUE(text::isNfc(c)) << c;
    // Not a blank image: at least two colours.
    cv::Mat grey;
    cv::Scalar mean, stddev;
    cv::meanStdDev(s.image, mean, stddev);
    EXPECT_GT(stddev[0] + stddev[1] + stddev[2], 1.0) << s.scene.domain << " " << index;
  }
  EXPECT_EQ(typesByDomain["shapes"], (std::set<std::string>{"colour", "count", "shape", "position", "yes_no"}));
  EXPECT_EQ(typesByDomain["digits_clocks"], (std::set<std::string>{"ocr", "colour", "count", "time", "yes_no"}));
  EXPECT_EQ(typesByDomain["text_signs"], (std::set<std::string>{"ocr", "colour", "position", "yes_no"}));
  EXPECT_EQ(typesByDomain["textures"], (std::set<std::string>{"pattern", "colour", "yes_no"}));
}

TEST(SyntheticDomains, DeterministicBySeedAndIndex) {
  for (std::int64_t index = 0; index < 12; ++index) {
    const SyntheticSample a = generateSyntheticSample(3, index, 48, 3, 3, syntheticDomains());
    const SyntheticSample b = generateSyntheticSample(3, index, 48, 3, 3, syntheticDomains());
    EXPECT_EQ(cv::norm(a.image, b.image, cv::NORM_L1), 0.0) << index;
    EXPECT_EQ(a.captions, b.captions);
    ASSERT_EQ(a.qa.size(), b.qa.size());
    for (std::size_t k = 0; k < a.qa.size(); ++k) EXPECT_EQ(a.qa[k].question, b.qa[k].question);
  }
}

TEST(SyntheticDomains, ShapesDomainKeepsTheOriginalCaptionsAndPixels) {
  const SyntheticSample original = generateSyntheticCaption(7, 0, 64, 5);
  const SyntheticSample multi = generateSyntheticSample(7, 0, 64, 5, 3, {"shapes"});
  EXPECT_EQ(cv::norm(original.image, multi.image, cv::NORM_L1), 0.0);
  EXPECT_EQ(original.captions, multi.captions);
  EXPECT_EQ(multi.scene.domain, "shapes");
}

TEST(SyntheticDomains, SceneTextIsDrawnAndAnsweredInLowerCase) {
  int signs = 0;
  for (std::int64_t index = 2; index < 200; index += 4) {  // index % 4 == 2: text_signs
    const SyntheticSample s = generateSyntheticSample(7, index, 64, 5, 5, syntheticDomains());
    ASSERT_EQ(s.scene.domain, "text_signs");
    ASSERT_FALSE(s.scene.text.empty());
    bool quoted = false;
    for (const auto& c : s.captions) quoted = quoted || c.find("\"" + s.scene.text + "\"") != std::string::npos;
    EXPECT_TRUE(quoted) << s.scene.text;
    for (const QaPair& q : s.qa) {
      if (q.type != "ocr") continue;
      EXPECT_EQ(q.answers[0].find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos) << q.answers[0];
    }
    // The letters are black or white on the board: count pure-ink pixels inside the image.
    cv::Mat black, white;
    cv::inRange(s.image, cv::Scalar(0, 0, 0), cv::Scalar(40, 40, 40), black);
    cv::inRange(s.image, cv::Scalar(215, 215, 215), cv::Scalar(255, 255, 255), white);
    EXPECT_GT(cv::countNonZero(black) + cv::countNonZero(white), 20) << s.scene.text;
    ++signs;
  }
  EXPECT_GT(signs, 40);
}

TEST(SyntheticDomains, AtLeastFortyCaptionTemplates) {
  EXPECT_GE(syntheticTemplateTotal(), 40);
}

TEST(SyntheticDomains, DomainListsParseAndUnknownNamesAreErrors) {
  EXPECT_EQ(*parseSyntheticDomains("all"), syntheticDomains());
  EXPECT_EQ(*parseSyntheticDomains("textures, shapes"), (std::vector<std::string>{"textures", "shapes"}));
  auto bad = parseSyntheticDomains("shapes,clouds");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("clouds"), std::string::npos);
}

TEST(SyntheticDomains, WrittenSetImportsAsCaptionsAndVqaWithDomainsAndTypes) {
  test_support::ScratchDir dir;
  SyntheticCaptionOptions options;
  options.trainImages = 16;
  options.valImages = 8;
  options.imageSize = 32;
  options.captionsPerImage = 2;
  options.questionsPerImage = 2;
  options.domains = syntheticDomains();
  options.threads = 2;
  ASSERT_TRUE(writeSyntheticCaptionDataset(dir.path(), options).ok());
  auto captions = importCocoCaptions(dir.path("captions_train.json"), dir.path("images"), {});
  ASSERT_TRUE(captions.ok()) << captions.error().message;
  EXPECT_TRUE(captions->problems.empty());
  ASSERT_EQ(captions->samples.size(), 16u);
  EXPECT_EQ(captions->samples[1].domain, "digits_clocks");
  auto detected = detectFormat(dir.path("vqa_train.json"));
  ASSERT_TRUE(detected.ok()) << detected.error().message;
  EXPECT_EQ(*detected, "synthetic_vqa");
  auto vqa = importVqaList(dir.path("vqa_val.json"), *detected, dir.path("images"), {});
  ASSERT_TRUE(vqa.ok()) << vqa.error().message;
  EXPECT_TRUE(vqa->problems.empty());
  ASSERT_EQ(vqa->samples.size(), 8u);
  EXPECT_EQ(vqa->questionCount(), 16u);
  EXPECT_EQ(vqa->samples[2].domain, "text_signs");
  for (const auto& s : vqa->samples)
    for (const auto& q : s.qa) EXPECT_FALSE(q.type.empty());
}

TEST(SyntheticDomains, OutputDoesNotDependOnThreadCount) {
  test_support::ScratchDir one, two;
  SyntheticCaptionOptions options;
  options.trainImages = 12;
  options.valImages = 4;
  options.imageSize = 32;
  options.domains = syntheticDomains();
  options.threads = 1;
  ASSERT_TRUE(writeSyntheticCaptionDataset(one.path(), options).ok());
  options.threads = 3;
  ASSERT_TRUE(writeSyntheticCaptionDataset(two.path(), options).ok());
  for (const char* f : {"/captions_train.json", "/vqa_train.json", "/vqa_val.json"}) {
    std::ifstream a(one.path() + f), b(two.path() + f);
    std::string ta((std::istreambuf_iterator<char>(a)), {}), tb((std::istreambuf_iterator<char>(b)), {});
    EXPECT_EQ(ta, tb) << f;
  }
}

}  // namespace
}  // namespace vimoe::data

namespace vimoe::data {
namespace {

TEST(SyntheticSettings, WrittenSetMatchesItsOptionsOnly) {
  test_support::ScratchDir dir;
  SyntheticCaptionOptions options;
  options.trainImages = 8;
  options.valImages = 4;
  options.imageSize = 16;
  EXPECT_FALSE(syntheticDatasetMatches(dir.path(), options));
  ASSERT_TRUE(writeSyntheticCaptionDataset(dir.path(), options).ok());
  EXPECT_TRUE(syntheticDatasetMatches(dir.path(), options));
  EXPECT_FALSE(syntheticCaptionsChanged(dir.path(), options));
  SyntheticCaptionOptions more = options;
  more.trainImages = 9;
  EXPECT_FALSE(syntheticDatasetMatches(dir.path(), more));
  EXPECT_FALSE(syntheticCaptionsChanged(dir.path(), more));  // same captions per image: tokenizer still fits
  SyntheticCaptionOptions domains = options;
  domains.domains = syntheticDomains();
  EXPECT_FALSE(syntheticDatasetMatches(dir.path(), domains));
  EXPECT_TRUE(syntheticCaptionsChanged(dir.path(), domains));
}

}  // namespace
}  // namespace vimoe::data
