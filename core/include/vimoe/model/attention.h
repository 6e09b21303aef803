// Multi-head self-attention with a key-padding mask (and a causal mask for decoders), and
// cross-attention from text queries to image tokens. Tensor names (qkv, proj) follow the
// fused-projection layout of OpenCLIP's ViT so pretrained weights can be mapped later.
#pragma once

#include <torch/torch.h>

namespace vimoe::model {

// Keys and values of the positions a decoder has read so far, per layer: [B, H, T, Dh] each.
// Incremental decoding appends the new positions' keys and values instead of recomputing the
// whole prefix every step (the KV cache of every autoregressive decoder).
struct KeyValueCache {
  torch::Tensor keys, values;  // undefined before the first step
};

class SelfAttentionImpl : public torch::nn::Module {
 public:
  SelfAttentionImpl(int width, int heads);
  // x: [B, S, W]; keyValid: [B, S] bool (true = real token) or undefined for no padding.
  // causal: position i attends to positions <= i only (decoders).
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& keyValid, bool causal = false);
  // Causal, incremental: x [B, n, W] holds only the new positions; their keys and values are
  // appended to `cache`, and new position i attends to every cached position and to the new
  // ones up to i. keyValid: [B, T + n] over cached and new positions, or undefined.
  torch::Tensor forwardIncremental(const torch::Tensor& x, const torch::Tensor& keyValid, KeyValueCache& cache);

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
  // The memory's keys and values, computed once per generated text rather than every step.
  KeyValueCache memoryKeysValues(const torch::Tensor& memory);
  torch::Tensor forward(const torch::Tensor& x, const KeyValueCache& memory);

 private:
  int m_heads;
  torch::nn::Linear m_q{nullptr};
  torch::nn::Linear m_kv{nullptr};
  torch::nn::Linear m_proj{nullptr};
};
TORCH_MODULE(CrossAttention);

}  // namespace vimoe::model
