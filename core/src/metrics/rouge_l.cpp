// ROUGE-L as coco-caption's rouge.py computes it: precision and recall of the longest common
// subsequence are maximised over the references separately (they may come from different
// references), then combined into an F-measure that weighs recall beta^2 = 1.44 times precision.
#include <algorithm>

#include "metrics/caption_scorers.h"

namespace vimoe::metrics::detail {
namespace {

constexpr double kBeta = 1.2;

// Length of the longest common subsequence, one row of the DP table at a time.
std::size_t lcsLength(const Tokens& a, const Tokens& b) {
  std::vector<std::size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j)
      current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], current[j - 1]);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

double rougeL(const TokenizedSample& sample) {
  if (sample.candidate.empty()) return 0.0;
  double bestPrecision = 0, bestRecall = 0;
  for (const Tokens& ref : sample.references) {
    if (ref.empty()) continue;
    const double lcs = static_cast<double>(lcsLength(sample.candidate, ref));
    bestPrecision = std::max(bestPrecision, lcs / static_cast<double>(sample.candidate.size()));
    bestRecall = std::max(bestRecall, lcs / static_cast<double>(ref.size()));
  }
  if (bestPrecision == 0 || bestRecall == 0) return 0.0;
  return (1 + kBeta * kBeta) * bestPrecision * bestRecall / (bestRecall + kBeta * kBeta * bestPrecision);
}

}  // namespace

std::vector<double> rougeLScores(const std::vector<TokenizedSample>& samples) {
  std::vector<double> scores;
  scores.reserve(samples.size());
  for (const TokenizedSample& sample : samples) scores.push_back(rougeL(sample));
  return scores;
}

}  // namespace vimoe::metrics::detail
