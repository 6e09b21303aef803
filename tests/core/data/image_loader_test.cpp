// The loader on real PNGs: pixels normalised as documented, batches in seed order whatever
// the thread count, flips only where the language allows and with left/right swapped.
#include "vimoe/data/image_loader.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "support/scratch_dir.h"
#include "vimoe/data/augment.h"

namespace vimoe::data {
namespace {

class ImageLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 10; ++i) {
      // Left half red, right half blue, and a brightness that names the image.
      cv::Mat image(24, 32, CV_8UC3, cv::Scalar(0, 0, 0));
      image(cv::Rect(0, 0, 16, 24)).setTo(cv::Scalar(0, 0, 200));
      image(cv::Rect(16, 0, 16, 24)).setTo(cv::Scalar(200, 0, 0));
      image.row(0).setTo(cv::Scalar(i * 20, i * 20, i * 20));
      const std::string path = m_dir.path("img" + std::to_string(i) + ".png");
      ASSERT_TRUE(cv::imwrite(path, image));
      Sample s;
      s.imageId = std::to_string(i);
      s.imagePath = path;
      s.captions = {"Hình tròn ở góc trên bên trái."};
      s.qa = {QaPair{"", "Hình vuông ở đâu?", {"bên phải"}, "position", "vi", false}};
      m_samples.push_back(s);
    }
  }
  test_support::ScratchDir m_dir;
  std::vector<Sample> m_samples;
};

TEST_F(ImageLoaderTest, ResizeShorterSideThenCentreCrop) {
  const cv::Mat square = loadSquareImage(m_samples[0].imagePath, 12);
  ASSERT_EQ(square.rows, 12);
  ASSERT_EQ(square.cols, 12);
  // 24x32 -> 12x16, crop x 2..14: left columns red, right columns blue.
  EXPECT_GT(square.at<cv::Vec3b>(6, 1)[2], 150);
  EXPECT_GT(square.at<cv::Vec3b>(6, 10)[0], 150);
  EXPECT_TRUE(loadSquareImage(m_dir.path("absent.png"), 12).empty());
}

TEST_F(ImageLoaderTest, NormalisedChwRgb) {
  ImagePipelineOptions o;
  o.imageSize = 2;
  cv::Mat bgr(2, 2, CV_8UC3, cv::Scalar(0, 51, 255));  // B=0, G=51, R=255
  std::vector<float> out(12);
  toNormalisedChw(bgr, o, out.data());
  EXPECT_FLOAT_EQ(out[0], 1.0f);   // R plane: (1 - 0.5) / 0.5
  EXPECT_FLOAT_EQ(out[4], -0.6f);  // G plane: (0.2 - 0.5) / 0.5
  EXPECT_FLOAT_EQ(out[8], -1.0f);  // B plane
}

std::vector<std::size_t> orderOf(const std::vector<Sample>& samples, int threads, bool flip) {
  ImagePipelineOptions p;
  p.imageSize = 16;
  p.randomFlip = flip;
  LoaderOptions o;
  o.batchSize = 4;
  o.threads = threads;
  o.epochs = 2;
  o.seed = 5;
  PrefetchLoader loader(samples, p, o);
  std::vector<std::size_t> order;
  while (auto batch = loader.next()) {
    for (std::size_t i = 0; i < batch->size(); ++i)
      order.push_back(batch->samples[i] * 2 + (batch->flipped[i] ? 1 : 0));
  }
  return order;
}

TEST_F(ImageLoaderTest, EveryEpochCoversEverySampleInSeedOrderWhateverTheThreads) {
  const auto one = orderOf(m_samples, 1, true);
  ASSERT_EQ(one.size(), 20u);
  EXPECT_EQ(orderOf(m_samples, 3, true), one);
  std::vector<std::size_t> firstEpoch;
  for (std::size_t i = 0; i < 10; ++i) firstEpoch.push_back(one[i] / 2);
  std::sort(firstEpoch.begin(), firstEpoch.end());
  for (std::size_t i = 0; i < 10; ++i) EXPECT_EQ(firstEpoch[i], i);
}

TEST_F(ImageLoaderTest, FlippedImagesAndTextSwapLeftAndRight) {
  ImagePipelineOptions p;
  p.imageSize = 16;
  p.randomFlip = true;
  LoaderOptions o;
  o.batchSize = 10;
  o.threads = 2;
  PrefetchLoader loader(m_samples, p, o);
  auto batch = loader.next();
  ASSERT_TRUE(batch.has_value());
  ASSERT_EQ(batch->size(), 10u);
  int flips = 0;
  const std::size_t plane = 16 * 16;
  for (std::size_t i = 0; i < 10; ++i) {
    const float* pixels = batch->pixels.data() + i * 3 * plane;
    const float redLeft = pixels[8 * 16 + 1];  // R plane, row 8, column 1
    if (batch->flipped[i]) {
      ++flips;
      EXPECT_LT(redLeft, 0.0f);  // blue now on the left
      EXPECT_EQ(batch->text[i].captions[0], "Hình tròn ở góc trên bên phải.");
      EXPECT_EQ(batch->text[i].qa[0].answers[0], "bên trái");
    } else {
      EXPECT_GT(redLeft, 0.5f);
      EXPECT_EQ(batch->text[i].captions[0], "Hình tròn ở góc trên bên trái.");
    }
  }
  EXPECT_GT(flips, 0);
  EXPECT_LT(flips, 10);
  EXPECT_FALSE(loader.next().has_value());
}

TEST_F(ImageLoaderTest, SceneTextIsNeverFlippedAndUnreadableImagesAreNamed) {
  for (auto& s : m_samples) s.domain = "text_signs";
  m_samples[3].imagePath = m_dir.path("absent.png");
  ImagePipelineOptions p;
  p.imageSize = 8;
  p.randomFlip = true;
  LoaderOptions o;
  o.batchSize = 5;
  PrefetchLoader loader(m_samples, p, o);
  int batches = 0, problems = 0;
  while (auto batch = loader.next()) {
    ++batches;
    problems += int(batch->problems.size());
    for (bool f : batch->flipped) EXPECT_FALSE(f);
  }
  EXPECT_EQ(batches, 2);
  EXPECT_EQ(problems, 1);
}

TEST_F(ImageLoaderTest, StoppingEarlyJoinsTheWorkers) {
  ImagePipelineOptions p;
  LoaderOptions o;
  o.batchSize = 1;
  o.epochs = 50;
  PrefetchLoader loader(m_samples, p, o);
  EXPECT_TRUE(loader.next().has_value());
  // The destructor must return although 499 batches were never taken.
}

TEST(Augment, SwapLeftRightOnlyWhereTheyNameADirection) {
  EXPECT_EQ(swapLeftRight("bên trái và bên phải"), "bên phải và bên trái");
  EXPECT_EQ(swapLeftRight("ở góc dưới bên trái của bức ảnh"), "ở góc dưới bên phải của bức ảnh");
  EXPECT_EQ(swapLeftRight("Trái cây ở bên phải"), "Trái cây ở bên trái");  // fruit stays fruit
  EXPECT_EQ(swapLeftRight("Đây có phải là số 47 không?"), "Đây có phải là số 47 không?");
  EXPECT_EQ(swapLeftRight("Rẽ TRÁI, tay phải"), "Rẽ PHẢI, tay trái");
  EXPECT_EQ(swapLeftRight("bên trải"), "bên trải");
  EXPECT_EQ(swapLeftRight("bên tráix"), "bên tráix");
}

TEST(Augment, FlipPolicy) {
  Sample s;
  EXPECT_TRUE(flipAllowed(s));
  EXPECT_FALSE(flipAllowed(s, "viocrvqa"));
  s.domain = "digits_clocks";
  EXPECT_FALSE(flipAllowed(s));
  s.domain = "";
  s.qa.push_back(QaPair{"", "Biển ghi gì?", {"phở"}, "ocr", "vi", false});
  EXPECT_FALSE(flipAllowed(s));
}

}  // namespace
}  // namespace vimoe::data
