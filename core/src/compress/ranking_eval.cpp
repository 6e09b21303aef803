#include "vimoe/compress/ranking_eval.h"

#include <algorithm>

#include "vimoe/eval/retrieval.h"

namespace vimoe::compress {

RankingSet rankingSubset(const train::ContrastiveSplit& split, std::int64_t first, std::int64_t count) {
  const auto n = split.imageCount();
  first = std::clamp<std::int64_t>(first, 0, n);
  count = std::clamp<std::int64_t>(count, 0, n - first);
  RankingSet set;
  set.pixels = train::pixelsFromBytes(split.images.range(first, count));
  const auto owner = split.captionImage;
  const auto keep = owner.ge(first).logical_and(owner.lt(first + count)).nonzero().squeeze(1);
  set.captionIds = split.captionIds.index_select(0, keep);
  set.captionImage = owner.index_select(0, keep) - first;
  return set;
}

RankingScores evaluateRanking(model::ClipModel& model, const RankingSet& set, int batchSize) {
  torch::NoGradGuard noGrad;
  const bool wasTraining = model->is_training();
  model->eval();
  std::vector<torch::Tensor> images, texts;
  for (std::int64_t i = 0; i < set.images(); i += batchSize)
    images.push_back(model->encodeImages(set.pixels.narrow(0, i, std::min<std::int64_t>(batchSize, set.images() - i))));
  const auto m = set.captionIds.size(0);
  for (std::int64_t i = 0; i < m; i += batchSize)
    texts.push_back(model->encodeTexts(set.captionIds.narrow(0, i, std::min<std::int64_t>(batchSize, m - i))));
  if (wasTraining) model->train();
  if (images.empty() || texts.empty()) return {};
  const auto r = eval::retrievalRecall(torch::cat(images), torch::cat(texts), set.captionImage);
  return {r.imageToTextR1, r.imageToTextR5, r.textToImageR1, r.textToImageR5};
}

}  // namespace vimoe::compress
