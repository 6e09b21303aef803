// Multi-head self-attention with a key-padding mask. Tensor names (qkv, proj) follow the
// fused-projection layout of OpenCLIP's ViT so pretrained weights can be mapped later.
#pragma once

#include <torch/torch.h>

namespace vimoe::model {

class SelfAttentionImpl : public torch::nn::Module {
 public:
  SelfAttentionImpl(int width, int heads);
  // x: [B, S, W]; keyValid: [B, S] bool (true = real token) or undefined for no padding.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& keyValid);

 private:
  int m_heads;
  torch::nn::Linear m_qkv{nullptr};
  torch::nn::Linear m_proj{nullptr};
};
TORCH_MODULE(SelfAttention);

}  // namespace vimoe::model
