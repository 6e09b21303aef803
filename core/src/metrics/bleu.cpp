// BLEU as coco-caption's bleu_scorer.py computes it with option "closest": clipped n-gram counts
// and lengths are summed over the whole corpus first, and only then turned into precisions and a
// brevity penalty. That is why corpus BLEU is not the mean of sentence BLEUs.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "metrics/caption_scorers.h"

namespace vimoe::metrics::detail {
namespace {

// The reference length closest to the candidate's; on a tie the shorter one (coco: min over
// (|len - c|, len) pairs).
std::size_t closestReferenceLength(const TokenizedSample& sample) {
  const auto c = static_cast<long>(sample.candidate.size());
  std::size_t best = sample.references.front().size();
  for (const Tokens& ref : sample.references) {
    const auto len = static_cast<long>(ref.size());
    const long distance = std::labs(len - c), bestDistance = std::labs(static_cast<long>(best) - c);
    if (distance < bestDistance || (distance == bestDistance && ref.size() < best)) best = ref.size();
  }
  return best;
}

// BP = 1 if c > r, else exp(1 - r/c); no candidate words at all score 0.
double brevityPenalty(double candidateLength, double referenceLength) {
  if (candidateLength <= 0) return 0.0;
  return candidateLength > referenceLength ? 1.0 : std::exp(1.0 - referenceLength / candidateLength);
}

struct SampleCounts {
  std::array<double, kMaxOrder> matches{};  // clipped
  std::array<double, kMaxOrder> total{};    // candidate n-grams
};

// A candidate n-gram counts at most as often as it occurs in the one reference where it occurs
// most ("a a a a" against "a b" matches one "a", not four).
SampleCounts clippedCounts(const TokenizedSample& sample) {
  const NgramCounts candidate = countNgrams(sample.candidate);
  NgramCounts maxReference;
  for (const Tokens& ref : sample.references) {
    const NgramCounts counts = countNgrams(ref);
    for (int n = 0; n < kMaxOrder; ++n)
      for (const auto& [gram, count] : counts[n]) maxReference[n][gram] = std::max(maxReference[n][gram], count);
  }
  SampleCounts out;
  for (int n = 0; n < kMaxOrder; ++n) {
    for (const auto& [gram, count] : candidate[n]) {
      const auto it = maxReference[n].find(gram);
      if (it != maxReference[n].end()) out.matches[n] += std::min(count, it->second);
    }
    out.total[n] = static_cast<double>(std::max<long>(0, static_cast<long>(sample.candidate.size()) - n));
  }
  return out;
}

// Geometric mean of precisions[0..order) (as exp of the mean log); 0 when any of them is 0.
double geometricMean(const std::array<double, kMaxOrder>& precisions, int order) {
  double logSum = 0;
  for (int n = 0; n < order; ++n) {
    if (precisions[n] <= 0) return 0.0;
    logSum += std::log(precisions[n]);
  }
  return std::exp(logSum / order);
}

}  // namespace

BleuResult bleuScores(const std::vector<TokenizedSample>& samples) {
  BleuResult result;
  SampleCounts corpus;
  double candidateLength = 0, referenceLength = 0;
  for (const TokenizedSample& sample : samples) {
    const SampleCounts counts = clippedCounts(sample);
    const double c = static_cast<double>(sample.candidate.size());
    const double r = static_cast<double>(closestReferenceLength(sample));
    candidateLength += c;
    referenceLength += r;
    for (int n = 0; n < kMaxOrder; ++n) {
      corpus.matches[n] += counts.matches[n];
      corpus.total[n] += counts.total[n];
    }
    // Add-one smoothing above unigrams keeps one missing 4-gram from zeroing a decent caption.
    std::array<double, kMaxOrder> smoothed{};
    for (int n = 0; n < kMaxOrder; ++n) {
      if (n == 0)
        smoothed[n] = counts.total[n] > 0 ? counts.matches[n] / counts.total[n] : 0.0;
      else
        smoothed[n] = (counts.matches[n] + 1) / (counts.total[n] + 1);
    }
    result.sentenceBleu4.push_back(brevityPenalty(c, r) * geometricMean(smoothed, kMaxOrder));
  }
  std::array<double, kMaxOrder> precisions{};
  for (int n = 0; n < kMaxOrder; ++n) precisions[n] = corpus.total[n] > 0 ? corpus.matches[n] / corpus.total[n] : 0.0;
  const double penalty = brevityPenalty(candidateLength, referenceLength);
  for (int order = 1; order <= kMaxOrder; ++order)
    result.corpus[order - 1] = penalty * geometricMean(precisions, order);
  return result;
}

}  // namespace vimoe::metrics::detail
