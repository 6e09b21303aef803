// Multi-head self-attention with a key-padding mask (and a causal mask for decoders), and
// cross-attention from text queries to image tokens. Tensor names (qkv, proj) follow the
// fused-projection layout of OpenCLIP's ViT so pretrained weights can be mapped later.
#pragma once

#include <torch/torch.h>

namespace vimoe::model {

class SelfAttentionImpl : public torch::nn::Module {
 public:
  SelfAttentionImpl(int width, int heads);
  // x: [B, S, W]; keyValid: [B, S] bool (true = real token) or undefined for no padding.
  // causal: position i attends to positions <= i only (decoders).
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& keyValid, bool causal = false);

 private:
  int m_heads;
  torch::nn::Linear m_qkv{nullptr};
  torch::nn::Linear m_proj{nullptr};
};
TORCH_MODULE(SelfAttention);

class CrossAttentionImpl : public torch::nn::Module {
 public:
  // Queries of `width` attend to a memory of `memoryWidth` (the image tokens); every memory
  // token is real, so there is no mask.
  CrossAttentionImpl(int width, int memoryWidth, int heads);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& memory);

 private:
  int m_heads;
  torch::nn::Linear m_q{nullptr};
  torch::nn::Linear m_kv{nullptr};
  torch::nn::Linear m_proj{nullptr};
};
TORCH_MODULE(CrossAttention);

}  // namespace vimoe::model
