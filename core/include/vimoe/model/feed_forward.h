// The dense transformer FFN (fc1 -> activation -> fc2); the unit that MoE layers replicate.
#pragma once

#include <torch/torch.h>

#include "vimoe/model/activation.h"

namespace vimoe::model {

class FeedForwardImpl : public torch::nn::Module {
 public:
  FeedForwardImpl(int width, int hidden, Activation activation = Activation::Gelu);
  torch::Tensor forward(const torch::Tensor& x);

  torch::nn::Linear fc1{nullptr};
  torch::nn::Linear fc2{nullptr};

 private:
  Activation m_activation;
};
TORCH_MODULE(FeedForward);

}  // namespace vimoe::model
