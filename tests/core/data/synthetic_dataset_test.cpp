#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <opencv2/imgcodecs.hpp>

#include "vimoe/data/coco_captions.h"
#include "vimoe/data/synthetic_captions.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::data {
namespace {

namespace fs = std::filesystem;

class RecordingProgress : public ProgressObserver {
 public:
  void onProgress(const Progress& p) override { reports.push_back(p); }
  std::vector<Progress> reports;
};

class SyntheticDatasetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_root = fs::temp_directory_path() / ("vimoe-synthetic-" + std::to_string(::getpid()) + "-" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_root);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(m_root, ec);
  }
  SyntheticCaptionOptions smallOptions() const {
    SyntheticCaptionOptions options;
    options.trainImages = 20;
    options.valImages = 8;
    options.imageSize = 64;
    options.captionsPerImage = 5;
    options.seed = 7;
    return options;
  }
  std::string root() const { return m_root.string(); }

  fs::path m_root;
};

TEST_F(SyntheticDatasetTest, WrittenDatasetLoadsBackWithoutProblems) {
  RecordingProgress progress;
  const auto written = writeSyntheticCaptionDataset(root(), smallOptions(), &progress);
  ASSERT_TRUE(written.ok()) << written.error().message;

  const auto train = loadCocoCaptions(root() + "/captions_train.json", root() + "/images");
  ASSERT_TRUE(train.ok()) << train.error().message;
  EXPECT_EQ(train->images.size(), 20u);
  EXPECT_TRUE(train->problems.empty()) << train->problems.front().toString();
  for (const CaptionImage& image : train->images) EXPECT_EQ(image.captions.size(), 5u);
  EXPECT_EQ(train->images.front().id, 1);
  EXPECT_EQ(train->images.front().fileName, "train/000001.png");
  EXPECT_EQ(train->images.front().captions, generateSyntheticCaption(7, 0, 64, 5).captions);
  // The domain tag travels through images[].domain for expert-by-domain analytics.
  for (const CaptionImage& image : train->images) EXPECT_FALSE(image.domain.empty()) << image.fileName;
  EXPECT_EQ(train->images.front().domain, generateSyntheticCaption(7, 0, 64, 5).scene.domain);

  const auto val = loadCocoCaptions(root() + "/captions_val.json", root() + "/images");
  ASSERT_TRUE(val.ok()) << val.error().message;
  EXPECT_EQ(val->images.size(), 8u);
  EXPECT_TRUE(val->problems.empty());
  EXPECT_EQ(val->images.back().fileName, "val/000008.png");

  ASSERT_FALSE(progress.reports.empty());
  EXPECT_EQ(progress.reports.back().done, 28);
  EXPECT_EQ(progress.reports.back().total, 28);
}

TEST_F(SyntheticDatasetTest, PngDecodesToTheGeneratedPixels) {
  ASSERT_TRUE(writeSyntheticCaptionDataset(root(), smallOptions()).ok());
  const cv::Mat train1 = cv::imread(root() + "/images/train/000001.png", cv::IMREAD_COLOR);
  ASSERT_FALSE(train1.empty());
  EXPECT_EQ(train1.rows, 64);
  EXPECT_EQ(train1.cols, 64);
  // PNG is lossless: the file holds exactly the generator's pixels.
  EXPECT_EQ(cv::norm(train1, generateSyntheticCaption(7, 0, 64, 5).image, cv::NORM_L1), 0.0);
}

TEST_F(SyntheticDatasetTest, TrainAndValUseDifferentIndices) {
  ASSERT_TRUE(writeSyntheticCaptionDataset(root(), smallOptions()).ok());
  const cv::Mat val1 = cv::imread(root() + "/images/val/000001.png", cv::IMREAD_COLOR);
  ASSERT_FALSE(val1.empty());
  for (int i = 0; i < 20; ++i) {
    EXPECT_GT(cv::norm(val1, generateSyntheticCaption(7, i, 64, 5).image, cv::NORM_L1), 0.0) << i;
  }
  // Growing the training set leaves the validation set as it was.
  SyntheticCaptionOptions more = smallOptions();
  more.trainImages = 25;
  const fs::path other = m_root / "more";
  ASSERT_TRUE(writeSyntheticCaptionDataset(other.string(), more).ok());
  EXPECT_EQ(cv::norm(val1, cv::imread((other / "images/val/000001.png").string(), cv::IMREAD_COLOR), cv::NORM_L1), 0.0);
}

TEST_F(SyntheticDatasetTest, JsonKeepsVietnameseReadable) {
  ASSERT_TRUE(writeSyntheticCaptionDataset(root(), smallOptions()).ok());
  const auto json = readWholeFile(root() + "/captions_train.json");
  ASSERT_TRUE(json.ok());
  EXPECT_NE(json->find("màu"), std::string::npos);
  EXPECT_EQ(json->find("\\u"), std::string::npos);
}

TEST_F(SyntheticDatasetTest, CancelledRunWritesNoAnnotationFiles) {
  ASSERT_TRUE(writeSyntheticCaptionDataset(root(), smallOptions()).ok());
  ASSERT_TRUE(fs::exists(m_root / "captions_train.json"));
  CancelToken cancel;
  cancel.cancel();
  const auto cancelled = writeSyntheticCaptionDataset(root(), smallOptions(), nullptr, &cancel);
  ASSERT_FALSE(cancelled.ok());
  EXPECT_NE(cancelled.error().message.find("cancelled"), std::string::npos);
  // The old, complete-looking annotation files are gone too.
  EXPECT_FALSE(fs::exists(m_root / "captions_train.json"));
  EXPECT_FALSE(fs::exists(m_root / "captions_val.json"));
}

TEST_F(SyntheticDatasetTest, BadOptionsAreErrors) {
  SyntheticCaptionOptions options = smallOptions();
  options.imageSize = 4;
  EXPECT_FALSE(writeSyntheticCaptionDataset(root(), options).ok());
  options = smallOptions();
  options.trainImages = -1;
  EXPECT_FALSE(writeSyntheticCaptionDataset(root(), options).ok());
}

}  // namespace
}  // namespace vimoe::data
