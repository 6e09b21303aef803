// The three caption metrics over already tokenised samples, one file each; caption_metrics.cpp
// matches ids, tokenises and assembles CaptionScores.
#pragma once

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace vimoe::metrics::detail {

using Tokens = std::vector<std::string>;

struct TokenizedSample {
  Tokens candidate;
  std::vector<Tokens> references;  // never empty
};

constexpr int kMaxOrder = 4;  // BLEU-4 and CIDEr-D both stop at 4-grams

// Counts of the 1- to 4-grams of a sentence, index n-1 for n-grams; an n-gram's key is its tokens
// joined by ' ' (tokens never contain a space, so the key is unambiguous).
using NgramCounts = std::array<std::unordered_map<std::string, int>, kMaxOrder>;
NgramCounts countNgrams(const Tokens& tokens);

struct BleuResult {
  std::array<double, kMaxOrder> corpus{};  // BLEU-1..4
  std::vector<double> sentenceBleu4;       // smoothed, per sample
};
BleuResult bleuScores(const std::vector<TokenizedSample>& samples);

std::vector<double> rougeLScores(const std::vector<TokenizedSample>& samples);

std::vector<double> ciderDScores(const std::vector<TokenizedSample>& samples);

}  // namespace vimoe::metrics::detail
