#include "data/synthetic_words.h"

#include <algorithm>
#include <numeric>

#include "vimoe/text/unicode.h"

namespace vimoe::data::detail {

const std::vector<Colour>& inkColours() {
  static const std::vector<Colour> kInks = {
      {"đỏ", {36, 28, 230}},   {"xanh lá", {60, 175, 40}}, {"xanh dương", {210, 80, 40}}, {"vàng", {0, 215, 255}},
      {"tím", {180, 50, 135}}, {"cam", {0, 135, 255}},     {"trắng", {255, 255, 255}},    {"đen", {0, 0, 0}}};
  return kInks;
}

const std::vector<Colour>& backgroundColours() {
  static const std::vector<Colour> kBackgrounds = {
      {"trắng", {245, 245, 245}}, {"đen", {25, 25, 25}}, {"xám", {128, 128, 128}}, {"kem", {205, 235, 250}}};
  return kBackgrounds;
}

const Colour& inkOn(SplitMix64& rng, const Colour& background) {
  const auto& inks = inkColours();
  for (;;) {
    const Colour& ink = inks[std::size_t(rng.below(int(inks.size())))];
    const std::string name = ink.name, bg = background.name;
    if (name != bg && !(name == "trắng" && bg == "kem") && !(name == "vàng" && bg == "kem")) return ink;
  }
}

const std::string& numeral(int n) {
  static const std::array<std::string, 13> kNumerals = {"không", "một", "hai",  "ba",   "bốn",      "năm",     "sáu",
                                                        "bảy",   "tám", "chín", "mười", "mười một", "mười hai"};
  return kNumerals[std::size_t(std::clamp(n, 0, 12))];
}

std::string fillTemplate(const std::string& pattern, const std::map<std::string, std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        const auto it = words.find(pattern.substr(i + 1, close - i - 1));
        if (it != words.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::vector<std::string> pickCaptions(SplitMix64& rng, const std::vector<const char*>& templates,
                                      const std::map<std::string, std::string>& words, int count) {
  std::vector<std::size_t> order(templates.size());
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[std::size_t(rng.below(int(i)))]);
  std::vector<std::string> captions;
  for (std::size_t i = 0; i < order.size() && int(captions.size()) < count; ++i) {
    captions.push_back(text::toNfcReplacingInvalid(fillTemplate(templates[order[i]], words)));
  }
  return captions;
}

QaPair qa(const std::string& question, const std::string& answer, const char* type) {
  QaPair pair;
  pair.question = text::toNfcReplacingInvalid(question);
  pair.answers = {text::toNfcReplacingInvalid(answer)};
  pair.type = type;
  pair.language = "vi";
  return pair;
}

std::vector<QaPair> pickQuestions(SplitMix64& rng, std::vector<QaPair> all, int count) {
  for (std::size_t i = all.size(); i > 1; --i) std::swap(all[i - 1], all[std::size_t(rng.below(int(i)))]);
  if (int(all.size()) > count) all.resize(std::size_t(std::max(count, 0)));
  return all;
}

}  // namespace vimoe::data::detail
