// CIDEr-D as coco-caption's cider_scorer.py computes it (the "CIDEr" every captioning paper
// reports is this D variant): TF-IDF vectors of 1- to 4-grams, IDF from the evaluated split's
// references, clipped cosine similarity, a Gaussian penalty on the length difference (sigma 6),
// mean over n and over references, x10.
#include <cmath>
#include <unordered_set>

#include "metrics/caption_scorers.h"

namespace vimoe::metrics::detail {
namespace {

constexpr double kSigma = 6.0;

struct TfIdf {
  std::array<std::unordered_map<std::string, double>, kMaxOrder> weights;
  std::array<double, kMaxOrder> norms{};
  // coco accumulates the term counts of the n-grams with 0-based index 1, i.e. the bigrams, as the
  // sentence "length": tokens - 1 (0 for sentences of one token). Differences of lengths equal
  // differences of token counts except where a sentence has 0 or 1 tokens; we replicate it exactly.
  double length = 0;
};

class CiderD {
 public:
  explicit CiderD(const std::vector<TokenizedSample>& samples)
      : m_logImages(std::log(static_cast<double>(samples.size()))) {
    // df(g): the number of images whose reference set contains g, however often.
    for (const TokenizedSample& sample : samples) {
      std::unordered_set<std::string> seen;
      for (const Tokens& ref : sample.references) {
        const NgramCounts counts = countNgrams(ref);
        for (int n = 0; n < kMaxOrder; ++n)
          for (const auto& entry : counts[n]) seen.insert(entry.first);
      }
      for (const std::string& gram : seen) ++m_documentFrequency[gram];
    }
  }

  double score(const TokenizedSample& sample) const {
    const TfIdf candidate = tfIdf(sample.candidate);
    std::array<double, kMaxOrder> sum{};
    for (const Tokens& ref : sample.references) {
      const TfIdf reference = tfIdf(ref);
      const double delta = candidate.length - reference.length;
      const double penalty = std::exp(-(delta * delta) / (2 * kSigma * kSigma));
      for (int n = 0; n < kMaxOrder; ++n) sum[n] += similarity(candidate, reference, n) * penalty;
    }
    double mean = 0;
    for (double s : sum) mean += s / kMaxOrder;
    return 10.0 * mean / static_cast<double>(sample.references.size());
  }

 private:
  TfIdf tfIdf(const Tokens& tokens) const {
    TfIdf out;
    const NgramCounts counts = countNgrams(tokens);
    for (int n = 0; n < kMaxOrder; ++n) {
      for (const auto& [gram, tf] : counts[n]) {
        // An n-gram no reference has gets df 1 (log 1 = 0), as in coco.
        const auto it = m_documentFrequency.find(gram);
        const double df = it == m_documentFrequency.end() ? 1.0 : std::max(1.0, it->second);
        const double weight = tf * (m_logImages - std::log(df));
        out.weights[n][gram] = weight;
        out.norms[n] += weight * weight;
        if (n == 1) out.length += tf;
      }
      out.norms[n] = std::sqrt(out.norms[n]);
    }
    return out;
  }

  // The "D" clipping: min(candidate, reference) * reference, so repeating a rare word cannot
  // raise the score past what the reference supports.
  static double similarity(const TfIdf& candidate, const TfIdf& reference, int n) {
    if (candidate.norms[n] == 0 || reference.norms[n] == 0) return 0.0;
    double dot = 0;
    for (const auto& [gram, weight] : candidate.weights[n]) {
      const auto it = reference.weights[n].find(gram);
      if (it != reference.weights[n].end()) dot += std::min(weight, it->second) * it->second;
    }
    return dot / (candidate.norms[n] * reference.norms[n]);
  }

  double m_logImages;
  std::unordered_map<std::string, double> m_documentFrequency;
};

}  // namespace

std::vector<double> ciderDScores(const std::vector<TokenizedSample>& samples) {
  std::vector<double> scores;
  if (samples.empty()) return scores;
  const CiderD cider(samples);
  scores.reserve(samples.size());
  for (const TokenizedSample& sample : samples) scores.push_back(cider.score(sample));
  return scores;
}

}  // namespace vimoe::metrics::detail
