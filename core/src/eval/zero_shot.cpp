#include "vimoe/eval/zero_shot.h"

namespace vimoe::eval {

double zeroShotAccuracy(const torch::Tensor& imageEmb, const torch::Tensor& classEmb, const torch::Tensor& labels) {
  torch::NoGradGuard noGrad;
  if (imageEmb.size(0) == 0) return 0.0;
  const auto predicted = torch::matmul(imageEmb, classEmb.t()).argmax(1);
  return predicted.eq(labels.to(predicted.device())).to(torch::kFloat64).mean().item<double>();
}

}  // namespace vimoe::eval
