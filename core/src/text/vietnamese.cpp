// Works on code points of the NFD form, where a tone mark is a separate combining character
// (U+0300 grave, U+0301 acute, U+0303 tilde, U+0309 hook above, U+0323 dot below) and can be
// moved to another vowel; vowel-quality marks (circumflex, breve, horn) stay where they are.
#include "vimoe/text/vietnamese.h"

#include <utf8proc.h>

#include <vector>

#include "vimoe/text/unicode.h"

namespace vimoe::text {
namespace {

using CodePoints = std::vector<utf8proc_int32_t>;

CodePoints decode(const std::string& text) {
  const std::u32string cps = codePoints(text);
  return CodePoints(cps.begin(), cps.end());
}

std::string encode(const CodePoints& cps) {
  std::string out;
  for (const auto cp : cps) appendUtf8(out, static_cast<char32_t>(cp));
  return out;
}

bool isTone(utf8proc_int32_t cp) {
  return cp == 0x0300 || cp == 0x0301 || cp == 0x0303 || cp == 0x0309 || cp == 0x0323;
}
bool isMark(utf8proc_int32_t cp) {
  const auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME;
}
bool isLetter(utf8proc_int32_t cp) {
  const auto cat = utf8proc_category(cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}
utf8proc_int32_t lower(utf8proc_int32_t cp) {
  return utf8proc_tolower(cp);
}

// One syllable in NFD: base letters, each with the marks that follow it.
struct Letter {
  utf8proc_int32_t base;
  CodePoints marks;
};

void restyleSyllable(std::vector<Letter>& letters, ToneStyle style) {
  const std::size_t n = letters.size();
  if (n < 2) return;
  Letter& first = letters[n - 2];
  Letter& second = letters[n - 1];
  const auto a = lower(first.base), b = lower(second.base);
  const bool pair = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
  if (!pair) return;
  // "qu" + y: u belongs to the consonant, the tone is always on y ("quý").
  if (a == 'u' && n >= 3 && lower(letters[n - 3].base) == 'q') return;
  // Only plain o/u + a/e/y: a quality mark (ơ, ư, â, ê) makes it another vowel.
  for (const Letter* l : {&first, &second})
    for (auto m : l->marks)
      if (!isTone(m)) return;
  // A vowel before the pair makes a triphthong, whose tone rule differs: leave it.
  if (n >= 3) {
    const auto c = lower(letters[n - 3].base);
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y') return;
  }
  CodePoints* from = nullptr;
  for (Letter* l : {&first, &second})
    for (auto m : l->marks)
      if (isTone(m)) from = &l->marks;
  if (from == nullptr) return;
  CodePoints& to = style == ToneStyle::Traditional ? first.marks : second.marks;
  if (from == &to) return;
  utf8proc_int32_t tone = 0;
  CodePoints rest;
  for (auto m : *from) {
    if (isTone(m))
      tone = m;
    else
      rest.push_back(m);
  }
  *from = rest;
  to.push_back(tone);
}

CodePoints nfd(const std::string& text) {
  return decode(toNfd(toNfcReplacingInvalid(text)));
}

}  // namespace

std::string applyToneStyle(const std::string& text, ToneStyle style) {
  if (style == ToneStyle::Keep) return toNfcReplacingInvalid(text);
  const CodePoints cps = nfd(text);
  CodePoints out;
  std::vector<Letter> syllable;
  auto flush = [&] {
    restyleSyllable(syllable, style);
    for (const Letter& l : syllable) {
      out.push_back(l.base);
      out.insert(out.end(), l.marks.begin(), l.marks.end());
    }
    syllable.clear();
  };
  for (auto cp : cps) {
    if (isLetter(cp)) {
      syllable.push_back({cp, {}});
    } else if (isMark(cp) && !syllable.empty()) {
      syllable.back().marks.push_back(cp);
    } else {
      flush();
      out.push_back(cp);
    }
  }
  flush();
  return toNfcReplacingInvalid(encode(out));
}

std::string normalizeVietnamese(const std::string& text, const NormalizeOptions& options) {
  std::string s = applyToneStyle(text, options.tone);
  CodePoints cps = decode(s);
  CodePoints out;
  bool pendingSpace = false;
  for (auto cp : cps) {
    if (options.joinSegmentedWords && cp == '_') cp = ' ';
    if (options.lowercase) cp = lower(cp);
    const auto cat = utf8proc_category(cp);
    const bool punctuation = cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO && cp != '_';
    const bool space = cat == UTF8PROC_CATEGORY_ZS || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
    if (space || (options.stripPunctuation && punctuation)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out.push_back(' ');
    pendingSpace = false;
    out.push_back(cp);
  }
  return toNfcReplacingInvalid(encode(out));
}

std::string foldDiacritics(const std::string& text) {
  CodePoints out;
  for (auto cp : nfd(text)) {
    if (isMark(cp)) continue;
    if (cp == 0x0111 || cp == 0x0110) cp = 'd';  // đ has no decomposition: fold it by hand
    out.push_back(lower(cp));
  }
  return encode(out);
}

bool parseToneStyle(const std::string& name, ToneStyle& style) {
  if (name == "traditional")
    style = ToneStyle::Traditional;
  else if (name == "modern")
    style = ToneStyle::Modern;
  else if (name == "keep")
    style = ToneStyle::Keep;
  else
    return false;
  return true;
}

}  // namespace vimoe::text
