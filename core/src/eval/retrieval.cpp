#include "vimoe/eval/retrieval.h"

#include <algorithm>

namespace vimoe::eval {
namespace {

// Fraction of rows whose rank of the first correct column is < k, given a [R, C] boolean
// "correct" matrix and similarity matrix.
double recallAtK(const torch::Tensor& similarity, const torch::Tensor& correct, int k) {
  const int kk = std::min<int>(k, static_cast<int>(similarity.size(1)));
  const auto top = std::get<1>(similarity.topk(kk, 1));  // [R, k]
  return correct.gather(1, top).any(1).to(torch::kFloat64).mean().template item<double>();
}

}  // namespace

RetrievalScores retrievalRecall(const torch::Tensor& imageEmb, const torch::Tensor& textEmb, const torch::Tensor& captionImage) {
  torch::NoGradGuard noGrad;
  const auto similarity = torch::matmul(imageEmb, textEmb.t());  // [N, M]
  const auto correct = torch::arange(imageEmb.size(0), captionImage.options()).unsqueeze(1).eq(captionImage.unsqueeze(0));
  RetrievalScores s;
  s.imageToTextR1 = recallAtK(similarity, correct, 1);
  s.imageToTextR5 = recallAtK(similarity, correct, 5);
  s.textToImageR1 = recallAtK(similarity.t(), correct.t(), 1);
  s.textToImageR5 = recallAtK(similarity.t(), correct.t(), 5);
  s.imageToTextR10 = recallAtK(similarity, correct, 10);
  s.textToImageR10 = recallAtK(similarity.t(), correct.t(), 10);
  return s;
}

}  // namespace vimoe::eval
