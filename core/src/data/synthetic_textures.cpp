// The textures domain: two-colour patterns (stripes in three directions, checks, dots) that
// fill the image. No objects and no text: experts can tell this domain by frequency content.
#include <opencv2/imgproc.hpp>

#include "data/split_mix.h"
#include "data/synthetic_domains.h"
#include "data/synthetic_words.h"

namespace vimoe::data::detail {
namespace {

enum class Pattern { Horizontal, Vertical, Diagonal, Checks, Dots };
struct NamedPattern {
  Pattern pattern;
  const char* name;
  const char* unit;  // what repeats
};
const NamedPattern kPatterns[] = {{Pattern::Horizontal, "sọc ngang", "sọc"},
                                  {Pattern::Vertical, "sọc dọc", "sọc"},
                                  {Pattern::Diagonal, "sọc chéo", "sọc"},
                                  {Pattern::Checks, "ca rô", "ô vuông"},
                                  {Pattern::Dots, "chấm bi", "chấm tròn"}};

const std::vector<const char*> kTemplates = {
    "Hoa văn {pattern} màu {colour} và {colour2}.",
    "Bề mặt có họa tiết {pattern} xen kẽ {colour} và {colour2}.",
    "Một tấm vải {pattern} màu {colour} trên nền {colour2}.",
    "Họa tiết {pattern} màu {colour} phủ kín bức ảnh.",
    "Hình nền {pattern} với hai màu {colour} và {colour2}.",
    "Bức ảnh là một mẫu {pattern} màu {colour}.",
    "Các {unit} màu {colour} lặp lại trên nền {colour2}.",
    "Mẫu vải {pattern} gồm màu {colour} và màu {colour2}.",
};

void drawPattern(cv::Mat& image, Pattern pattern, int period, const cv::Scalar& ink) {
  const int n = image.rows;
  const int half = std::max(1, period / 2);
  switch (pattern) {
    case Pattern::Horizontal:
      for (int y = 0; y < n; y += period) cv::rectangle(image, cv::Rect(0, y, n, half), ink, cv::FILLED);
      break;
    case Pattern::Vertical:
      for (int x = 0; x < n; x += period) cv::rectangle(image, cv::Rect(x, 0, half, n), ink, cv::FILLED);
      break;
    case Pattern::Diagonal:
      for (int k = -n; k < 2 * n; k += period)
        cv::line(image, {k, 0}, {k + n, n}, ink, std::max(1, half * 7 / 10), cv::LINE_AA);
      break;
    case Pattern::Checks:
      for (int y = 0; y < n; y += half)
        for (int x = 0; x < n; x += half)
          if (((x / half) + (y / half)) % 2 == 0) cv::rectangle(image, cv::Rect(x, y, half, half), ink, cv::FILLED);
      break;
    case Pattern::Dots:
      for (int y = half / 2; y < n + half; y += period)
        for (int x = half / 2 + ((y / period) % 2) * half; x < n + half; x += period)
          cv::circle(image, {x, y}, std::max(1, period / 4), ink, cv::FILLED, cv::LINE_AA);
      break;
  }
}

}  // namespace

int texturesTemplateCount() {
  return int(kTemplates.size());
}

SyntheticSample makeTexturesSample(std::uint64_t seed, std::int64_t index, int imageSize, int captions, int questions) {
  SplitMix64 rng = SplitMix64::forItem(seed, index, /*purpose=*/6);
  const NamedPattern& p = kPatterns[rng.below(5)];
  const Colour& ground = backgroundColours()[std::size_t(rng.below(int(backgroundColours().size())))];
  const Colour& ink = inkOn(rng, ground);
  const int period = std::max(4, imageSize / (4 + rng.below(4)));

  SyntheticSample sample;
  sample.image = cv::Mat(imageSize, imageSize, CV_8UC3, ground.bgr);
  drawPattern(sample.image, p.pattern, period, ink.bgr);
  sample.scene.domain = "textures";
  sample.scene.shape = p.name;
  sample.scene.colour = ink.name;
  sample.scene.background = ground.name;
  const std::map<std::string, std::string> words = {
      {"pattern", p.name}, {"unit", p.unit}, {"colour", ink.name}, {"colour2", ground.name}};
  sample.captions = pickCaptions(rng, kTemplates, words, captions);
  const bool truth = rng.below(2) == 0;
  std::string asked = p.name;
  while (!truth && asked == p.name) asked = kPatterns[rng.below(5)].name;
  sample.qa = pickQuestions(rng,
                            {qa("Hoa văn trong ảnh là gì?", p.name, "pattern"),
                             qa("Các " + std::string(p.unit) + " có màu gì?", ink.name, "colour"),
                             qa("Đây có phải là hoa văn " + asked + " không?", truth ? "có" : "không", "yes_no")},
                            questions);
  return sample;
}

}  // namespace vimoe::data::detail
