// The text-signs domain: a shop signboard (wide, left / centre / right) or a book cover (tall)
// with a Vietnamese name in it, one word per line. Names are in title case rather than
// capitals, to keep the character set (and the tokenizer's vocabulary) small. Flipping such an
// image would mirror the text, so the loader never flips this domain.
#include <opencv2/imgproc.hpp>

#include "data/split_mix.h"
#include "data/synthetic_domains.h"
#include "data/synthetic_text_render.h"
#include "data/synthetic_words.h"
#include "vimoe/text/vietnamese.h"

namespace vimoe::data::detail {
namespace {

const std::vector<const char*> kShopNames = {"Phở Bò",  "Cà Phê",   "Bánh Mì",   "Trà Sữa",   "Sửa Xe",  "Tạp Hóa",
                                             "Bún Chả", "Hoa Tươi", "Nhà Thuốc", "Tiệm Vàng", "Bia Hơi", "Gạo Ngon"};
const std::vector<const char*> kBookTitles = {"Số Đỏ",    "Tắt Đèn", "Lão Hạc",     "Dế Mèn",
                                              "Chí Phèo", "Vợ Nhặt", "Truyện Kiều", "Gió Lạnh"};

const std::vector<const char*> kSignTemplates = {
    "Biển hiệu màu {colour} ghi chữ \"{text}\".",
    "Tấm biển {colour} có dòng chữ \"{text}\".",
    "Một biển hiệu cửa hàng ghi \"{text}\" trên nền {colour}.",
    "Biển quảng cáo \"{text}\" màu {colour} nằm {side}.",
    "Dòng chữ \"{text}\" màu {ink} trên biển hiệu {colour}.",
};
const std::vector<const char*> kBookTemplates = {
    "Bìa sách màu {colour} với tựa đề \"{text}\".",
    "Cuốn sách có tên \"{text}\", bìa màu {colour}.",
    "Một bìa sách ghi \"{text}\" bằng chữ màu {ink}.",
    "Tựa sách \"{text}\" in trên bìa màu {colour}.",
    "Ảnh chụp bìa cuốn sách \"{text}\".",
};

// Positions of a signboard; the words name the side as the viewer sees it.
struct Side {
  const char* words;  // "ở bên trái"
  double centreX;
};
const Side kSides[] = {{"ở bên trái", 0.30}, {"ở giữa", 0.50}, {"ở bên phải", 0.70}};

std::vector<std::string> splitWords(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

void drawLines(cv::Mat& image, const cv::Rect& box, const std::string& text, const cv::Scalar& ink) {
  const auto lines = splitWords(text);
  const int lineHeight = box.height / int(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const cv::Point centre(box.x + box.width / 2, box.y + lineHeight * int(i) + lineHeight / 2);
    drawCentredText(image, lines[i], centre, lineHeight * 3 / 4, box.width * 9 / 10, ink);
  }
}

}  // namespace

int textSignsTemplateCount() {
  return int(kSignTemplates.size() + kBookTemplates.size());
}

SyntheticSample makeTextSignsSample(std::uint64_t seed, std::int64_t index, int imageSize, int captions,
                                    int questions) {
  SplitMix64 rng = SplitMix64::forItem(seed, index, /*purpose=*/5);
  const bool book = rng.below(3) == 0;
  const auto& names = book ? kBookTitles : kShopNames;
  const std::string text = names[std::size_t(rng.below(int(names.size())))];
  const Colour& bg = backgroundColours()[std::size_t(rng.below(int(backgroundColours().size())))];
  const Colour& board = inkOn(rng, bg);
  const std::string boardName = board.name;
  // Light boards get black letters, dark ones white.
  const bool darkBoard = boardName == "đen" || boardName == "tím" || boardName == "xanh dương" || boardName == "đỏ" ||
                         boardName == "xanh lá";
  const Colour ink = darkBoard ? Colour{"trắng", {255, 255, 255}} : Colour{"đen", {0, 0, 0}};
  const Side& side = kSides[rng.below(3)];

  SyntheticSample sample;
  sample.image = cv::Mat(imageSize, imageSize, CV_8UC3, bg.bgr);
  const double s = imageSize;
  const cv::Rect box = book ? cv::Rect(int(s * 0.22), int(s * 0.08), int(s * 0.56), int(s * 0.84))
                            : cv::Rect(int(s * (side.centreX - 0.28)), int(s * 0.25), int(s * 0.56), int(s * 0.50));
  cv::rectangle(sample.image, box, board.bgr, cv::FILLED, cv::LINE_AA);
  drawLines(sample.image, box, text, ink.bgr);

  sample.scene.domain = "text_signs";
  sample.scene.shape = book ? "bìa sách" : "biển hiệu";
  sample.scene.colour = board.name;
  sample.scene.background = bg.name;
  sample.scene.position = book ? "ở giữa" : side.words;
  sample.scene.text = text;
  const std::map<std::string, std::string> words = {
      {"text", text}, {"colour", board.name}, {"ink", ink.name}, {"side", side.words}};
  sample.captions = pickCaptions(rng, book ? kBookTemplates : kSignTemplates, words, captions);

  // OCR answers are lower-case, as the public scene-text sets write them.
  text::NormalizeOptions lower;
  lower.lowercase = true;
  const std::string answer = text::normalizeVietnamese(text, lower);
  std::string other = answer;
  while (other == answer) other = text::normalizeVietnamese(names[std::size_t(rng.below(int(names.size())))], lower);
  const bool truth = rng.below(2) == 0;
  std::vector<QaPair> all;
  if (book) {
    all = {qa("Tên của cuốn sách là gì?", answer, "ocr"), qa("Bìa sách có màu gì?", board.name, "colour"),
           qa("Cuốn sách có tên là \"" + (truth ? answer : other) + "\" không?", truth ? "có" : "không", "yes_no")};
  } else {
    std::string where = side.words;
    where = where.substr(where.find(' ') + 1);  // "bên trái"
    all = {qa("Biển hiệu ghi chữ gì?", answer, "ocr"), qa("Biển hiệu có màu gì?", board.name, "colour"),
           qa("Biển hiệu nằm ở đâu?", where, "position"),
           qa("Biển hiệu có ghi \"" + (truth ? answer : other) + "\" không?", truth ? "có" : "không", "yes_no")};
  }
  sample.qa = pickQuestions(rng, std::move(all), questions);
  return sample;
}

}  // namespace vimoe::data::detail
