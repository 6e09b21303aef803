// Words and helpers the synthetic domains share: colours with their BGR values, numerals,
// template filling and deterministic picking.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "data/split_mix.h"
#include "vimoe/data/sample.h"

namespace vimoe::data::detail {

struct Colour {
  const char* name;
  cv::Scalar bgr;
};

// Shape / ink colours and backgrounds (the same names and tones as the shapes domain).
const std::vector<Colour>& inkColours();
const std::vector<Colour>& backgroundColours();
// An ink colour whose name differs from `background`'s and is not hard to tell from it.
const Colour& inkOn(SplitMix64& rng, const Colour& background);

// "một" .. "mười hai".
const std::string& numeral(int n);

// Replaces {name} placeholders from `words`; unknown placeholders stay as written.
std::string fillTemplate(const std::string& pattern, const std::map<std::string, std::string>& words);

// `count` distinct templates from `templates`, in an order shuffled by rng; NFC.
std::vector<std::string> pickCaptions(SplitMix64& rng, const std::vector<const char*>& templates,
                                      const std::map<std::string, std::string>& words, int count);

// A question-answer pair (NFC); "vi", one answer.
QaPair qa(const std::string& question, const std::string& answer, const char* type);

// Keeps at most `count` questions, in an order shuffled by rng.
std::vector<QaPair> pickQuestions(SplitMix64& rng, std::vector<QaPair> all, int count);

}  // namespace vimoe::data::detail
