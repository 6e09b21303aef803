#include "vimoe/data/augment.h"

#include "vimoe/text/unicode.h"
#include "vimoe/text/vietnamese.h"

namespace vimoe::data {
namespace {

bool isWordByte(unsigned char c) {
  // ASCII letters and digits, and every byte of a multi-byte UTF-8 sequence (Vietnamese letters).
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

}  // namespace

// "trái" and "phải" are directions only after these words ("bên trái", "tay phải", "góc
// trên trái"); elsewhere they are other words: "trái cây" (fruit), "có phải" (is it),
// "phải làm" (must do).
bool directionCue(const std::string& previousWord) {
  static const char* const kCues[] = {"bên", "phía", "tay",  "sang", "qua", "rẽ",   "quẹo", "hướng",
                                      "mé",  "cánh", "trên", "dưới", "về",  "chân", "mắt"};
  text::NormalizeOptions lower;
  lower.lowercase = true;
  lower.tone = text::ToneStyle::Keep;
  const std::string word = text::normalizeVietnamese(previousWord, lower);
  for (const char* cue : kCues)
    if (word == cue) return true;
  return false;
}

std::string swapLeftRight(const std::string& input) {
  const std::string text = text::toNfcReplacingInvalid(input);
  struct Pair {
    const char* from;
    const char* to;
  };
  static const Pair kPairs[] = {{"trái", "phải"}, {"phải", "trái"}, {"Trái", "Phải"},
                                {"Phải", "Trái"}, {"TRÁI", "PHẢI"}, {"PHẢI", "TRÁI"}};
  std::string out, previousWord, currentWord;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!isWordByte(c)) {
      if (!currentWord.empty()) previousWord = std::move(currentWord);
      currentWord.clear();
      out += text[i++];
      continue;
    }
    if (currentWord.empty() && directionCue(previousWord)) {
      bool swapped = false;
      for (const Pair& p : kPairs) {
        const std::size_t n = std::char_traits<char>::length(p.from);
        if (text.compare(i, n, p.from) == 0 &&
            (i + n == text.size() || !isWordByte(static_cast<unsigned char>(text[i + n])))) {
          out += p.to;
          currentWord = p.from;
          i += n;
          swapped = true;
          break;
        }
      }
      if (swapped) continue;
    }
    currentWord += text[i];
    out += text[i++];
  }
  return out;
}

bool flipAllowed(const Sample& sample, const std::string& format) {
  if (format == "vitextvqa" || format == "viocrvqa") return false;
  if (sample.domain == "text_signs" || sample.domain == "digits_clocks") return false;
  for (const QaPair& q : sample.qa)
    if (q.type == "ocr" || q.type == "time") return false;
  return true;
}

bool namesLeftOrRight(const std::string& text) { return swapLeftRight(text) != text::toNfcReplacingInvalid(text); }

Sample flippedText(const Sample& sample) {
  Sample out = sample;
  for (auto& c : out.captions) c = swapLeftRight(c);
  for (auto& q : out.qa) {
    q.question = swapLeftRight(q.question);
    for (auto& a : q.answers) a = swapLeftRight(a);
  }
  return out;
}

}  // namespace vimoe::data
