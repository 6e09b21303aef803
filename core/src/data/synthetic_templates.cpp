#include "data/synthetic_templates.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <string>
#include <utility>

#include "data/split_mix.h"
#include "vimoe/text/unicode.h"

namespace vimoe::data::detail {
namespace {

// The words of one scene in the forms the templates need.
struct Words {
  std::string numeral;         // "hai"
  std::string numeralCapital;  // "Hai", to open a sentence
  std::string shape, colour, size, background;
  std::string position;         // "ở góc trên bên trái"
  std::string positionInImage;  // "ở góc trên bên trái của bức ảnh"
  std::string positionCapital;  // "Ở góc trên bên trái của bức ảnh"
};

constexpr std::array<const char*, 3> kNumerals = {"một", "hai", "ba"};
constexpr std::array<const char*, 3> kNumeralsCapital = {"Một", "Hai", "Ba"};
// Indexed like kRegions in synthetic_scene.cpp.
constexpr std::array<const char*, 5> kPositionsInImage = {
    "ở góc trên bên trái của bức ảnh", "ở góc trên bên phải của bức ảnh", "ở góc dưới bên trái của bức ảnh",
    "ở góc dưới bên phải của bức ảnh", "ở giữa bức ảnh"};
constexpr std::array<const char*, 5> kPositionsCapital = {
    "Ở góc trên bên trái của bức ảnh", "Ở góc trên bên phải của bức ảnh", "Ở góc dưới bên trái của bức ảnh",
    "Ở góc dưới bên phải của bức ảnh", "Ở giữa bức ảnh"};

// Each template is a different sentence shape, so two templates never give the same text.
// Placeholders: {n} numeral, {N} numeral opening the sentence, {shape}, {colour}, {size},
// {bg} background, {pos} position, {posImg} "... của bức ảnh", {Pos} the latter capitalised.
constexpr std::array<const char*, 10> kTemplates = {
    "{N} {shape} màu {colour} {size} {pos}.",
    "Có {n} {shape} màu {colour} {size} {posImg}.",
    "Bức ảnh có {n} {shape} màu {colour} {size} nằm {pos} trên nền {bg}.",
    "Trên nền {bg} có {n} {shape} {size} màu {colour} {pos}.",
    "Hình ảnh cho thấy {n} {shape} {size} màu {colour} {posImg}.",
    "{N} {shape} {size} màu {colour} được vẽ {posImg} trên nền {bg}.",
    "{Pos} có {n} {shape} màu {colour} {size}.",
    "Ảnh gồm {n} {shape} màu {colour} kích thước {size} {pos}, nền màu {bg}.",
    "Một bức ảnh nền {bg} với {n} {shape} màu {colour} {size} {pos}.",
    "Có thể thấy {n} {shape} {size} màu {colour} nằm {posImg}.",
};

std::string fill(const char* pattern, const Words& w) {
  const std::pair<const char*, const std::string*> slots[] = {
      {"{n}", &w.numeral},          {"{N}", &w.numeralCapital},
      {"{shape}", &w.shape},        {"{colour}", &w.colour},
      {"{size}", &w.size},          {"{bg}", &w.background},
      {"{pos}", &w.position},       {"{posImg}", &w.positionInImage},
      {"{Pos}", &w.positionCapital}};
  std::string out;
  for (const char* p = pattern; *p != '\0';) {
    bool replaced = false;
    for (const auto& [name, value] : slots) {
      const std::size_t length = std::char_traits<char>::length(name);
      if (std::char_traits<char>::compare(p, name, length) == 0) {
        out += *value;
        p += length;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += *p++;
  }
  return out;
}

Words wordsFor(const SceneLayout& layout) {
  const auto n = static_cast<std::size_t>(layout.scene.count - 1);
  const auto p = static_cast<std::size_t>(layout.positionIndex);
  return {kNumerals[n],          kNumeralsCapital[n],  layout.scene.shape,
          layout.scene.colour,   layout.scene.size,    layout.scene.background,
          layout.scene.position, kPositionsInImage[p], kPositionsCapital[p]};
}

}  // namespace

int syntheticTemplateCount() {
  return static_cast<int>(kTemplates.size());
}

std::vector<std::string> captionScene(const SceneLayout& layout, std::uint64_t seed, std::int64_t index, int count) {
  // Its own stream, so changing how scenes are sampled does not reshuffle the templates.
  SplitMix64 rng = SplitMix64::forItem(seed, index, /*purpose=*/2);
  std::array<int, kTemplates.size()> order{};
  std::iota(order.begin(), order.end(), 0);
  for (int i = static_cast<int>(order.size()) - 1; i > 0; --i)
    std::swap(order[std::size_t(i)], order[std::size_t(rng.below(i + 1))]);

  const Words words = wordsFor(layout);
  std::vector<std::string> captions;
  const int wanted = std::min(std::max(count, 0), syntheticTemplateCount());
  for (int i = 0; i < wanted; ++i) {
    // The literals are typed precomposed; NFC here guards against an editor that decomposes.
    captions.push_back(text::toNfcReplacingInvalid(fill(kTemplates[std::size_t(order[std::size_t(i)])], words)));
  }
  return captions;
}

}  // namespace vimoe::data::detail
