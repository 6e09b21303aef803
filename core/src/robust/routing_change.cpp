#include "vimoe/robust/routing_change.h"

#include <stdexcept>

namespace vimoe::robust {

torch::Tensor expertSetIoU(const torch::Tensor& a, const torch::Tensor& b) {
  if (a.dim() != 2 || b.dim() != 2 || a.size(0) != b.size(0))
    throw std::invalid_argument("expertSetIoU: expected two [T, k] tensors of the same T");
  const auto aValid = a.ge(0), bValid = b.ge(0);
  // Top-k ids are distinct within a token, so counting a's ids found in b counts the intersection.
  const auto found = (a.unsqueeze(2) == b.unsqueeze(1)) & bValid.unsqueeze(1);
  const auto inter = (found.any(2) & aValid).sum(1).to(torch::kFloat64);
  const auto uni = aValid.sum(1).to(torch::kFloat64) + bValid.sum(1).to(torch::kFloat64) - inter;
  return torch::where(uni > 0, inter / uni.clamp_min(1), torch::ones_like(uni));
}

void RoutingChangeMeter::add(const torch::Tensor& before, const torch::Tensor& after, std::int64_t images,
                             const torch::Tensor& valid) {
  if (images <= 0 || before.size(0) % images != 0)
    throw std::invalid_argument("RoutingChangeMeter: token count is not a multiple of the image count");
  const auto iou = expertSetIoU(before.cpu(), after.cpu()).view({images, -1});
  torch::Tensor perImage;
  if (valid.defined()) {
    const auto w = valid.cpu().to(torch::kFloat64).view({images, -1});
    perImage = torch::where(w.sum(1) > 0, (iou * w).sum(1) / w.sum(1).clamp_min(1), torch::ones({images}, torch::kFloat64));
  } else {
    perImage = iou.mean(1);
  }
  m_iouSum += perImage.sum().item<double>();
  m_images += images;
}

}  // namespace vimoe::robust
