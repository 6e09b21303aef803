// Vietnamese text normalisation (REFERENCES.md section 4): NFC, one tone-mark placement
// style, syllable vs word-segmented ('_') text, optional lower-casing and punctuation
// removal; and diacritic folding for search ("người" -> "nguoi", "đường" -> "duong").
#pragma once

#include <string>

namespace vimoe::text {

// Where the tone mark sits in the open syllables ending in "oa", "oe", "uy" (nothing after):
//   traditional: hòa, khỏe, thúy   (tone on the first vowel; what most keyboards type)
//   modern:      hoà, khoẻ, thuý   (tone on the main vowel; the 1980s school rule)
// Other syllables ("hoàng", "quý", "thuyền", "khuya") are written the same in both styles.
enum class ToneStyle { Keep, Traditional, Modern };

struct NormalizeOptions {
  ToneStyle tone = ToneStyle::Traditional;
  bool joinSegmentedWords = false;  // "phụ_nữ" -> "phụ nữ": syllable level, as metrics want it
  bool lowercase = false;
  bool stripPunctuation = false;  // punctuation becomes a space; spaces are then collapsed
};

// Invalid UTF-8 bytes become U+FFFD; never fails.
std::string normalizeVietnamese(const std::string& text, const NormalizeOptions& options = {});

// Tone placement only (input NFC or NFD; output NFC).
std::string applyToneStyle(const std::string& text, ToneStyle style);

// Lower-cased, every diacritic removed and đ/Đ -> d, for search and folded indexes.
// "Đường phố Hà Nội" -> "duong pho ha noi".
std::string foldDiacritics(const std::string& text);

// Parses "traditional" | "modern" | "keep".
bool parseToneStyle(const std::string& name, ToneStyle& style);

}  // namespace vimoe::text
