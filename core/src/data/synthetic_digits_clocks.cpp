// The digits-and-clocks domain: half the images show a one- to three-digit number in a
// colour, half an analog clock at a whole or half hour. Numbers are drawn with the scene-text
// font; the clock with lines, so it needs no font.
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "data/split_mix.h"
#include "data/synthetic_domains.h"
#include "data/synthetic_text_render.h"
#include "data/synthetic_words.h"

namespace vimoe::data::detail {
namespace {

constexpr double kPi = 3.14159265358979323846;

const std::vector<const char*> kDigitTemplates = {
    "Số {num} màu {colour} trên nền {bg}.",
    "Bức ảnh có số {num} được viết bằng màu {colour}.",
    "Con số {num} màu {colour} nằm giữa bức ảnh.",
    "Trong ảnh là số {num} màu {colour}.",
    "Hình ảnh cho thấy con số {num} trên nền {bg}.",
    "Một con số màu {colour}: {num}.",
    "Số {num} được in màu {colour} trên nền {bg}.",
    "Ảnh chụp con số {num} có {digits} chữ số.",
    "Có {digits} chữ số màu {colour} tạo thành số {num}.",
};

const std::vector<const char*> kClockTemplates = {
    "Đồng hồ chỉ {time}.",
    "Chiếc đồng hồ treo tường chỉ {time}.",
    "Mặt đồng hồ màu {colour} chỉ {time}.",
    "Kim đồng hồ cho biết bây giờ là {time}.",
    "Một chiếc đồng hồ tròn màu {colour} trên nền {bg}.",
    "Bức ảnh có một đồng hồ chỉ {time}.",
    "Đồng hồ màu {colour} đang chỉ {time}.",
    "Bây giờ là {time} theo chiếc đồng hồ trong ảnh.",
};

std::string timeWords(int hour, bool half) {
  return numeral(hour) + (half ? " giờ rưỡi" : " giờ");
}

SyntheticSample digits(SplitMix64& rng, int imageSize, int captions, int questions) {
  const Colour& bg = backgroundColours()[std::size_t(rng.below(int(backgroundColours().size())))];
  const Colour& ink = inkOn(rng, bg);
  const int length = 1 + rng.below(3);
  int value = 1 + rng.below(9);
  for (int i = 1; i < length; ++i) value = value * 10 + rng.below(10);
  const std::string num = std::to_string(value);

  SyntheticSample sample;
  sample.image = cv::Mat(imageSize, imageSize, CV_8UC3, bg.bgr);
  drawCentredText(sample.image, num, {imageSize / 2, imageSize / 2}, imageSize * 5 / 8, imageSize * 7 / 8, ink.bgr);
  sample.scene.domain = "digits_clocks";
  sample.scene.shape = "số";
  sample.scene.colour = ink.name;
  sample.scene.background = bg.name;
  sample.scene.count = length;
  sample.scene.text = num;
  const std::map<std::string, std::string> words = {
      {"num", num}, {"colour", ink.name}, {"bg", bg.name}, {"digits", numeral(length)}};
  sample.captions = pickCaptions(rng, kDigitTemplates, words, captions);
  const int other = value + 1 + rng.below(8);
  const bool truth = rng.below(2) == 0;
  sample.qa = pickQuestions(
      rng,
      {qa("Số trong ảnh là số mấy?", num, "ocr"), qa("Con số có màu gì?", ink.name, "colour"),
       qa("Số này có bao nhiêu chữ số?", numeral(length), "count"),
       qa("Đây có phải là số " + std::to_string(truth ? value : other) + " không?", truth ? "có" : "không", "yes_no")},
      questions);
  return sample;
}

void drawHand(cv::Mat& image, cv::Point2d centre, double angle, double length, int thickness,
              const cv::Scalar& colour) {
  const cv::Point2d tip(centre.x + length * std::sin(angle), centre.y - length * std::cos(angle));
  cv::line(image, centre, tip, colour, thickness, cv::LINE_AA);
}

SyntheticSample clock(SplitMix64& rng, int imageSize, int captions, int questions) {
  const Colour& bg = backgroundColours()[std::size_t(rng.below(int(backgroundColours().size())))];
  const Colour& face = inkOn(rng, bg);
  const std::string faceName = face.name;
  const cv::Scalar hands = faceName == "đen" || faceName == "tím" || faceName == "xanh dương"
                               ? cv::Scalar(255, 255, 255)
                               : cv::Scalar(0, 0, 0);
  const int hour = 1 + rng.below(12);
  const bool half = rng.below(2) == 1;

  SyntheticSample sample;
  sample.image = cv::Mat(imageSize, imageSize, CV_8UC3, bg.bgr);
  const double s = imageSize;
  const cv::Point2d c(s / 2, s / 2);
  const double r = s * 0.42;
  cv::circle(sample.image, c, int(std::lround(r)), face.bgr, cv::FILLED, cv::LINE_AA);
  cv::circle(sample.image, c, int(std::lround(r)), hands, std::max(1, imageSize / 64), cv::LINE_AA);
  for (int tick = 0; tick < 12; ++tick) {
    const double a = tick * kPi / 6;
    const cv::Point2d from(c.x + 0.8 * r * std::sin(a), c.y - 0.8 * r * std::cos(a));
    const cv::Point2d to(c.x + 0.95 * r * std::sin(a), c.y - 0.95 * r * std::cos(a));
    cv::line(sample.image, from, to, hands, std::max(1, imageSize / 64), cv::LINE_AA);
  }
  const double hourAngle = ((hour % 12) + (half ? 0.5 : 0.0)) * kPi / 6;
  const double minuteAngle = half ? kPi : 0.0;
  drawHand(sample.image, c, hourAngle, 0.5 * r, std::max(2, imageSize / 24), hands);
  drawHand(sample.image, c, minuteAngle, 0.85 * r, std::max(1, imageSize / 40), hands);

  const std::string time = timeWords(hour, half);
  sample.scene.domain = "digits_clocks";
  sample.scene.shape = "đồng hồ";
  sample.scene.colour = face.name;
  sample.scene.background = bg.name;
  sample.scene.text = time;
  const std::map<std::string, std::string> words = {{"time", time}, {"colour", face.name}, {"bg", bg.name}};
  sample.captions = pickCaptions(rng, kClockTemplates, words, captions);
  const bool truth = rng.below(2) == 0;
  const std::string asked = truth ? time : timeWords(hour % 12 + 1, half);
  sample.qa = pickQuestions(rng,
                            {qa("Đồng hồ chỉ mấy giờ?", time, "time"), qa("Mặt đồng hồ màu gì?", face.name, "colour"),
                             qa("Đồng hồ có đang chỉ " + asked + " không?", truth ? "có" : "không", "yes_no")},
                            questions);
  return sample;
}

}  // namespace

int digitsClocksTemplateCount() {
  return int(kDigitTemplates.size() + kClockTemplates.size());
}

SyntheticSample makeDigitsClocksSample(std::uint64_t seed, std::int64_t index, int imageSize, int captions,
                                       int questions) {
  SplitMix64 rng = SplitMix64::forItem(seed, index, /*purpose=*/4);
  return rng.below(2) == 0 ? digits(rng, imageSize, captions, questions) : clock(rng, imageSize, captions, questions);
}

}  // namespace vimoe::data::detail
