#include "vimoe/data/synthetic_captions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "vimoe/text/unicode.h"

namespace vimoe::data {
namespace {

const std::set<std::string> kShapes = {"hình tròn", "hình vuông", "hình tam giác", "ngôi sao", "hình thoi"};
const std::set<std::string> kColours = {"đỏ", "xanh lá", "xanh dương", "vàng", "tím", "cam", "trắng", "đen"};
const std::set<std::string> kPositions = {"ở góc trên bên trái", "ở góc trên bên phải", "ở góc dưới bên trái",
                                          "ở góc dưới bên phải", "ở giữa"};
const char* const kNumerals[] = {"một", "hai", "ba"};

std::string lowercaseFirstNumeral(std::string caption) {
  // Captions may open with "Một"/"Hai"/"Ba"; compare numerals in lower case.
  for (const auto& [upper, lower] : {std::pair<std::string, std::string>{"Một", "một"}, {"Hai", "hai"}, {"Ba", "ba"}}) {
    if (caption.rfind(upper + " ", 0) == 0) return lower + caption.substr(upper.size());
  }
  return caption;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(SyntheticCaptions, SameSeedAndIndexGiveIdenticalPixelsAndCaptions) {
  for (const std::int64_t index : {0, 1, 17, 123456}) {
    const SyntheticSample a = generateSyntheticCaption(7, index, 64, 5);
    const SyntheticSample b = generateSyntheticCaption(7, index, 64, 5);
    EXPECT_EQ(cv::norm(a.image, b.image, cv::NORM_L1), 0.0) << index;
    EXPECT_EQ(a.captions, b.captions);
    EXPECT_EQ(a.scene.shape, b.scene.shape);
    EXPECT_EQ(a.scene.count, b.scene.count);
  }
}

TEST(SyntheticCaptions, DifferentIndexOrSeedGivesDifferentSamples) {
  for (std::int64_t index = 0; index < 20; ++index) {
    const SyntheticSample a = generateSyntheticCaption(7, index, 64, 5);
    const SyntheticSample b = generateSyntheticCaption(7, index + 1, 64, 5);
    EXPECT_GT(cv::norm(a.image, b.image, cv::NORM_L1), 0.0) << index;
    EXPECT_GT(cv::norm(a.image, generateSyntheticCaption(8, index, 64, 5).image, cv::NORM_L1), 0.0) << index;
  }
  int differentCaptions = 0;
  for (std::int64_t index = 0; index < 20; ++index) {
    differentCaptions +=
        generateSyntheticCaption(7, index, 64, 5).captions != generateSyntheticCaption(7, index + 1, 64, 5).captions;
  }
  EXPECT_GE(differentCaptions, 19);
}

// Pins the generator's output: the same seed must give the same data on every platform and
// standard library, which is why it uses its own PRNG.
TEST(SyntheticCaptions, OutputIsPinnedForSeedSeven) {
  const SyntheticSample sample = generateSyntheticCaption(7, 0, 64, 2);
  EXPECT_EQ(sample.scene.shape, "ngôi sao");
  EXPECT_EQ(sample.scene.colour, "vàng");
  EXPECT_EQ(sample.scene.size, "nhỏ");
  EXPECT_EQ(sample.scene.position, "ở góc dưới bên trái");
  EXPECT_EQ(sample.scene.count, 2);
  EXPECT_EQ(sample.captions,
            (std::vector<std::string>{"Hai ngôi sao màu vàng nhỏ ở góc dưới bên trái.",
                                      "Có hai ngôi sao màu vàng nhỏ ở góc dưới bên trái của bức ảnh."}));
}

TEST(SyntheticCaptions, ImageIsBgrOfTheRequestedSize) {
  const SyntheticSample sample = generateSyntheticCaption(3, 5, 48, 1);
  EXPECT_EQ(sample.image.rows, 48);
  EXPECT_EQ(sample.image.cols, 48);
  EXPECT_EQ(sample.image.type(), CV_8UC3);
}

TEST(SyntheticCaptions, CaptionsAreNfcDistinctAndNameTheScene) {
  for (std::int64_t index = 0; index < 200; ++index) {
    const SyntheticSample sample = generateSyntheticCaption(11, index, 64, 5);
    const SyntheticScene& scene = sample.scene;
    ASSERT_EQ(sample.captions.size(), 5u);
    EXPECT_EQ(std::set<std::string>(sample.captions.begin(), sample.captions.end()).size(), 5u);
    for (const std::string& caption : sample.captions) {
      ASSERT_FALSE(caption.empty());
      EXPECT_TRUE(text::isNfc(caption)) << caption;
      EXPECT_EQ(caption.back(), '.') << caption;
      const std::string lower = lowercaseFirstNumeral(caption);
      EXPECT_TRUE(contains(lower, std::string(kNumerals[scene.count - 1]) + " " + scene.shape)) << caption;
      EXPECT_TRUE(contains(caption, "màu " + scene.colour)) << caption;
      EXPECT_TRUE(contains(caption, " " + scene.size)) << caption;
    }
  }
}

TEST(SyntheticCaptions, ScenesCoverEveryWordAndNeverMatchTheBackground) {
  std::set<std::string> shapes, colours, positions, sizes;
  std::set<int> counts;
  for (std::int64_t index = 0; index < 500; ++index) {
    const SyntheticScene scene = generateSyntheticCaption(7, index, 16, 1).scene;
    EXPECT_EQ(kShapes.count(scene.shape), 1u) << scene.shape;
    EXPECT_EQ(kColours.count(scene.colour), 1u) << scene.colour;
    EXPECT_EQ(kPositions.count(scene.position), 1u) << scene.position;
    EXPECT_NE(scene.colour, scene.background);
    shapes.insert(scene.shape);
    colours.insert(scene.colour);
    positions.insert(scene.position);
    sizes.insert(scene.size);
    counts.insert(scene.count);
  }
  EXPECT_EQ(shapes, kShapes);
  EXPECT_EQ(colours, kColours);
  EXPECT_EQ(positions, kPositions);
  EXPECT_EQ(sizes, (std::set<std::string>{"nhỏ", "lớn"}));
  EXPECT_EQ(counts, (std::set<int>{1, 2, 3}));
}

// The position word must match the pixels: the quadrant opposite a corner, or the corners
// around the centre, show only background.
TEST(SyntheticCaptions, ShapesAreDrawnInTheNamedRegion) {
  for (std::int64_t index = 0; index < 100; ++index) {
    const SyntheticSample sample = generateSyntheticCaption(5, index, 64, 1);
    const cv::Mat& image = sample.image;
    auto onlyBackground = [&](int x, int y, int w, int h) {
      // A uniform patch: no shape edge or body in it.
      const cv::Mat patch = image(cv::Rect(x, y, w, h));
      const cv::Vec3b first = patch.at<cv::Vec3b>(0, 0);
      for (int r = 0; r < patch.rows; ++r)
        for (int c = 0; c < patch.cols; ++c)
          if (patch.at<cv::Vec3b>(r, c) != first) return false;
      return true;
    };
    // The empty area for each position: the opposite quadrant, or two corners around the centre.
    const std::map<std::string, std::vector<cv::Rect>> empty = {{"ở góc trên bên trái", {{33, 33, 31, 31}}},
                                                                {"ở góc trên bên phải", {{0, 33, 31, 31}}},
                                                                {"ở góc dưới bên trái", {{33, 0, 31, 31}}},
                                                                {"ở góc dưới bên phải", {{0, 0, 31, 31}}},
                                                                {"ở giữa", {{0, 0, 16, 16}, {48, 48, 16, 16}}}};
    for (const cv::Rect& rect : empty.at(sample.scene.position)) {
      EXPECT_TRUE(onlyBackground(rect.x, rect.y, rect.width, rect.height)) << index << " " << sample.scene.position;
    }
    EXPECT_FALSE(onlyBackground(0, 0, 64, 64)) << "nothing drawn for index " << index;
  }
}

TEST(SyntheticCaptions, CaptionCountIsCappedAtTheTemplates) {
  EXPECT_EQ(generateSyntheticCaption(7, 3, 32, 50).captions.size(), 10u);
  EXPECT_TRUE(generateSyntheticCaption(7, 3, 32, 0).captions.empty());
  EXPECT_THROW(generateSyntheticCaption(7, 3, 4, 1), std::invalid_argument);
}

}  // namespace
}  // namespace vimoe::data
