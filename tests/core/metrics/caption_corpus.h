// Builds a small caption corpus for the metric tests: sample i gets id "i", one candidate and its
// references, and the corpus is scored in one call, as a whole split would be.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vimoe/metrics/caption_metrics.h"

namespace vimoe::metrics::test {

struct CaptionCase {
  std::string candidate;
  std::vector<std::string> references;
};

inline CaptionScores scoreCorpus(const std::vector<CaptionCase>& cases,
                                 MetricTokenization tokenization = MetricTokenization::Syllables) {
  std::vector<CaptionPrediction> predictions;
  std::vector<CaptionReferences> references;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    predictions.push_back({std::to_string(i), cases[i].candidate});
    references.push_back({std::to_string(i), cases[i].references});
  }
  auto scores = scoreCaptions(predictions, references, tokenization);
  EXPECT_TRUE(scores.ok()) << scores.error().message;
  return scores.ok() ? *scores : CaptionScores{};
}

}  // namespace vimoe::metrics::test
