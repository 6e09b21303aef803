// Multi-head attention pooling (MAP, Lee et al. 2019, as in SigLIP's vision head): one learned
// probe attends over the image tokens, then a residual FFN; its output is the image feature.
// Used when model.arch.image_pool = "map" (an imported SigLIP), instead of a class token.
#pragma once

#include <torch/torch.h>

#include "vimoe/model/attention.h"
#include "vimoe/model/transformer_block.h"

namespace vimoe::model {

class AttentionPoolImpl : public torch::nn::Module {
 public:
  explicit AttentionPoolImpl(const BlockShape& shape);
  // tokens [B, S, W] -> [B, W]
  torch::Tensor forward(const torch::Tensor& tokens);

 private:
  torch::Tensor m_probe;  // [1, 1, W]
  CrossAttention m_attn{nullptr};
  torch::nn::LayerNorm m_norm{nullptr};
  FeedForward m_mlp{nullptr};
};
TORCH_MODULE(AttentionPool);

}  // namespace vimoe::model
