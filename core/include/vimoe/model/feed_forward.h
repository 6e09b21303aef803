// The dense transformer FFN (fc1 -> GELU -> fc2); the unit that MoE layers replicate.
#pragma once

#include <torch/torch.h>

namespace vimoe::model {

class FeedForwardImpl : public torch::nn::Module {
 public:
  FeedForwardImpl(int width, int hidden);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Linear fc1{nullptr};
  torch::nn::Linear fc2{nullptr};
};
TORCH_MODULE(FeedForward);

}  // namespace vimoe::model
