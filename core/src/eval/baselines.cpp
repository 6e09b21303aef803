#include "vimoe/eval/baselines.h"

#include <algorithm>
#include <map>

namespace vimoe::eval {

torch::Tensor thumbnailFeatures(const torch::Tensor& imagesUint8) {
  torch::NoGradGuard noGrad;
  auto small = torch::adaptive_avg_pool2d(imagesUint8.to(torch::kFloat32), {8, 8}).flatten(1);
  small = small - small.mean(1, /*keepdim=*/true);
  return small / small.norm(2, 1, /*keepdim=*/true).clamp_min(1e-6);
}

std::vector<metrics::CaptionPrediction> nearestNeighbourCaptions(const train::ContrastiveSplit& train,
                                                                 const train::ContrastiveSplit& evaluated,
                                                                 int maxImages) {
  const std::int64_t count = maxImages > 0 ? std::min<std::int64_t>(maxImages, evaluated.imageCount())
                                           : evaluated.imageCount();
  // Thumbnails of the training images in chunks: a streamed split is never decoded whole.
  std::vector<torch::Tensor> trainChunks;
  for (std::int64_t start = 0; start < train.imageCount(); start += 256)
    trainChunks.push_back(thumbnailFeatures(train.images.range(start, std::min<std::int64_t>(256, train.imageCount() - start))));
  const auto trainFeatures = torch::cat(trainChunks);
  std::vector<metrics::CaptionPrediction> predictions;
  const std::int64_t chunk = 256;  // bounds the similarity matrix for large training sets
  for (std::int64_t start = 0; start < count; start += chunk) {
    const auto size = std::min(chunk, count - start);
    const auto queries = thumbnailFeatures(evaluated.images.range(start, size));
    const auto best = torch::matmul(queries, trainFeatures.t()).argmax(1);
    for (std::int64_t j = 0; j < size; ++j) {
      const auto neighbour = static_cast<std::size_t>(best[j].item<std::int64_t>());
      predictions.push_back({evaluated.imageIds[static_cast<std::size_t>(start + j)], train.firstCaptionText[neighbour]});
    }
  }
  return predictions;
}

std::vector<metrics::VqaPrediction> majorityAnswers(const train::VqaSplit& train, const train::VqaSplit& evaluated,
                                                    bool perType, int maxQuestions) {
  // Counted on the first reference answer, as the classifier's vocabulary is; ties alphabetical.
  std::map<std::string, std::map<std::string, std::int64_t>> counts;  // type -> answer -> count
  for (std::size_t i = 0; i < train.answers.size(); ++i) {
    const std::string answer = train::answerKey(train.answers[i].front());
    ++counts[""][answer];
    if (perType) ++counts[train.types[i]][answer];
  }
  const auto mostFrequent = [](const std::map<std::string, std::int64_t>& byAnswer) {
    return std::max_element(byAnswer.begin(), byAnswer.end(), [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
  };
  const std::string overall = mostFrequent(counts[""]);
  const std::size_t count = maxQuestions > 0 ? std::min<std::size_t>(static_cast<std::size_t>(maxQuestions),
                                                                      evaluated.questionIds.size())
                                             : evaluated.questionIds.size();
  std::vector<metrics::VqaPrediction> predictions;
  for (std::size_t i = 0; i < count; ++i) {
    const auto typed = counts.find(evaluated.types[i]);
    const bool useType = perType && typed != counts.end() && !evaluated.types[i].empty();
    predictions.push_back({evaluated.questionIds[i], useType ? mostFrequent(typed->second) : overall});
  }
  return predictions;
}

}  // namespace vimoe::eval
