// The ranking metric the compression agent is rewarded with, and the one it is reported on:
// retrieval recall in both directions over a fixed set of images and all their captions,
// metric = mean(R@1 i2t, R@5 i2t, R@1 t2i, R@5 t2i). The validation split is cut into a
// ranking set (the agent's reward, the proposal's "ranking dataset") and a disjoint report
// set, so the figures a plan is judged by were never optimised against.
#pragma once

#include <torch/torch.h>

#include "vimoe/model/clip_model.h"
#include "vimoe/train/contrastive_data.h"

namespace vimoe::compress {

struct RankingSet {
  torch::Tensor pixels;        // [N, 3, S, S] float in [0, 1]
  torch::Tensor captionIds;    // [M, L]
  torch::Tensor captionImage;  // [M] index into pixels
  std::int64_t images() const { return pixels.defined() ? pixels.size(0) : 0; }
};

struct RankingScores {
  double r1i2t = 0, r5i2t = 0, r1t2i = 0, r5t2i = 0;
  double metric() const { return (r1i2t + r5i2t + r1t2i + r5t2i) / 4.0; }
};

// Images [first, first + count) of the split with every caption of theirs.
RankingSet rankingSubset(const train::ContrastiveSplit& split, std::int64_t first, std::int64_t count);

RankingScores evaluateRanking(model::ClipModel& model, const RankingSet& set, int batchSize = 256);

}  // namespace vimoe::compress
