#include "vimoe/compress/categorical.h"

#include <limits>
#include <stdexcept>

namespace vimoe::compress {

torch::Tensor maskLogits(const torch::Tensor& logits, const std::vector<bool>& allowed) {
  if (allowed.empty()) return logits;
  if (static_cast<std::int64_t>(allowed.size()) != logits.size(-1)) throw std::invalid_argument("mask size differs from logits");
  std::vector<std::uint8_t> blocked(allowed.size());
  bool any = false;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    blocked[i] = allowed[i] ? 0 : 1;
    any = any || allowed[i];
  }
  if (!any) throw std::invalid_argument("every action is masked");
  const auto mask = torch::from_blob(blocked.data(), {static_cast<std::int64_t>(blocked.size())}, torch::kUInt8)
                        .to(torch::kBool)
                        .clone();
  return logits.masked_fill(mask, -std::numeric_limits<float>::infinity());
}

torch::Tensor categoricalLogProbs(const torch::Tensor& maskedLogits) { return torch::log_softmax(maskedLogits, -1); }

int sampleCategorical(const torch::Tensor& logProbs, double u) {
  const auto p = logProbs.detach().to(torch::kFloat64).exp().contiguous();
  const auto* v = p.data_ptr<double>();
  const auto k = p.numel();
  double cumulative = 0;
  int last = -1;
  for (std::int64_t i = 0; i < k; ++i) {
    if (v[i] <= 0) continue;
    last = static_cast<int>(i);
    cumulative += v[i];
    if (u < cumulative) return last;
  }
  return last;  // u at the top of the rounding gap
}

int argmaxCategorical(const torch::Tensor& logProbs) { return static_cast<int>(logProbs.detach().argmax().item<std::int64_t>()); }

torch::Tensor categoricalEntropy(const torch::Tensor& logProbs) {
  const auto p = logProbs.exp();
  // 0 * -inf is NaN: masked entries contribute nothing.
  return -(p * logProbs.masked_fill(p.le(0), 0.0)).sum(-1);
}

}  // namespace vimoe::compress
