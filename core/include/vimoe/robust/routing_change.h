// How much an attack moves the router: per token, the IoU of the expert sets selected before
// and after; per MoE layer, the routing change rate = 1 - mean over images of (mean over the
// image's tokens of that IoU). 0: every token keeps its experts; 1: none keeps any.
#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace vimoe::robust {

// a, b: [T, k] int64 expert ids per token (entries < 0: no expert). IoU per token [T]; a token
// with no expert on either side counts as unchanged (1).
torch::Tensor expertSetIoU(const torch::Tensor& a, const torch::Tensor& b);

// Accumulates one MoE layer's routing change over batches.
class RoutingChangeMeter {
 public:
  // before/after: [B*S, k] as captured for a batch of `images` inputs of S tokens each;
  // valid: [B*S] bool (real tokens) or undefined.
  void add(const torch::Tensor& before, const torch::Tensor& after, std::int64_t images,
           const torch::Tensor& valid = {});
  double rate() const { return m_images > 0 ? 1.0 - m_iouSum / static_cast<double>(m_images) : 0.0; }
  std::int64_t images() const { return m_images; }

 private:
  double m_iouSum = 0;  // sum over images of their mean token IoU
  std::int64_t m_images = 0;
};

}  // namespace vimoe::robust
