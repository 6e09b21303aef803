// Model-free baselines printed next to every downstream table, so the numbers mean something:
//   nearest-neighbour caption   each evaluated image gets the first caption of the most similar
//                               training image; similarity = cosine of mean-centred 8 x 8 RGB
//                               thumbnails, so the baseline is the same for every model
//   majority answer             the most frequent training answer, for every question
//   majority answer per type    the most frequent training answer of the question's type
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "vimoe/metrics/caption_metrics.h"
#include "vimoe/metrics/vqa_metrics.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/vqa_data.h"

namespace vimoe::eval {

// [N, 3 * 8 * 8] thumbnail features of uint8 images [N, 3, S, S], mean-centred per image and
// L2-normalised.
torch::Tensor thumbnailFeatures(const torch::Tensor& imagesUint8);

// Predictions for the first `maxImages` images of `evaluated` (0 = all), ids as evaluateCaptioning uses.
std::vector<metrics::CaptionPrediction> nearestNeighbourCaptions(const train::ContrastiveSplit& train,
                                                                 const train::ContrastiveSplit& evaluated,
                                                                 int maxImages = 0);

std::vector<metrics::VqaPrediction> majorityAnswers(const train::VqaSplit& train, const train::VqaSplit& evaluated,
                                                    bool perType, int maxQuestions = 0);

}  // namespace vimoe::eval
