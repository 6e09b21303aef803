// Text generation with the downstream model's decoder: batched greedy decoding and beam
// search with the GNMT length penalty. Both start from a prefix ("<s>" for a caption,
// "<s> question </s>" for a generative answer) and stop at "</s>" or after maxLength pieces.
// <pad>, <unk> and <s> are never generated. The decoder reads each new piece once and keeps the
// keys and values of the earlier ones (text_decoder.h DecoderCache); `cache = false` re-runs it
// over the whole text every step, the reference the cache is tested and benchmarked against.
#pragma once

#include <torch/torch.h>

#include <vector>

#include "vimoe/model/vision_language_model.h"

namespace vimoe::model {

struct GenerationOptions {
  int beamWidth = 1;          // 1: beam search keeps one hypothesis, which equals greedy decoding
  double lengthPenalty = 0;   // GNMT alpha: score = log p / ((5 + length) / 6)^alpha; 0 = raw log p
  int maxLength = 24;         // generated pieces, "</s>" included
  bool cache = true;          // incremental decoding with a key-value cache
};

struct Hypothesis {
  std::vector<int> ids;  // generated pieces without the prefix and without "</s>"
  double logProb = 0;    // sum of the generated pieces' log-probabilities ("</s>" included)
  double score = 0;      // logProb after the length penalty; hypotheses come sorted by it
  bool finished = false; // ended with "</s>" (else cut at maxLength)
};

// GNMT length normalisation ((5 + length) / 6)^alpha (Wu et al. 2016).
double lengthPenaltyDivisor(int length, double alpha);

// One hypothesis per image. memory: [B, M, W] from encodeImage; prefixes: one per image, all
// the same length.
std::vector<Hypothesis> greedyDecode(VisionLanguageModel& model, const torch::Tensor& memory,
                                     const std::vector<std::vector<int>>& prefixes, int maxLength, bool cache = true);

// Up to beamWidth hypotheses for one image (memory [1, M, W]), best first.
std::vector<Hypothesis> beamSearch(VisionLanguageModel& model, const torch::Tensor& memory, const std::vector<int>& prefix,
                                   const GenerationOptions& options);

}  // namespace vimoe::model
