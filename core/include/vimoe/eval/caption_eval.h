// Captioning a split with the downstream model and scoring it at corpus level (metrics/).
#pragma once

#include <string>
#include <vector>

#include "vimoe/metrics/caption_metrics.h"
#include "vimoe/model/generation.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/contrastive_data.h"

namespace vimoe::eval {

struct CaptionEvalOptions {
  model::GenerationOptions generation;
  int maxImages = 0;   // the first N images of the split; 0 = all
  int batchSize = 32;  // images encoded (and greedily decoded) together
  metrics::MetricTokenization tokenization = metrics::MetricTokenization::Syllables;
};

struct CaptionSample {
  std::string id;
  std::string imagePath;
  std::string prediction;
  std::vector<std::string> references;
};

struct CaptionEvaluation {
  metrics::CaptionScores scores;
  std::vector<CaptionSample> samples;  // in split order, matching scores.perSample
};

// Detokenised captions for a batch of images (pixels [B, 3, S, S] in [0, 1]): greedy when the
// beam width is 1, else the best beam of each image.
std::vector<std::string> generateCaptions(model::VisionLanguageModel& model, const text::Tokenizer& tokenizer,
                                          const torch::Tensor& pixels, const model::GenerationOptions& options);

Expected<CaptionEvaluation> evaluateCaptioning(model::VisionLanguageModel& model, const train::ContrastiveSplit& split,
                                               const text::Tokenizer& tokenizer, const CaptionEvalOptions& options);

}  // namespace vimoe::eval
