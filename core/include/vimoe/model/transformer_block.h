// Pre-LayerNorm transformer block whose FFN is either dense or a Mixture of Experts.
#pragma once

#include <torch/torch.h>

#include "vimoe/model/attention.h"
#include "vimoe/model/feed_forward.h"
#include "vimoe/model/moe_layer.h"

namespace vimoe::model {

class TransformerBlockImpl : public torch::nn::Module {
 public:
  // `moe` null: dense FFN of `hidden` units; otherwise an MoE layer whose experts have `hidden` units.
  TransformerBlockImpl(int width, int heads, int hidden, const config::MoeConfig* moe);
  // `modality` tags the MoE layer's statistics; a LIMoE shared tower sees both.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& valid, Modality modality, AuxLosses& aux);

  bool isMoe() const { return !m_moe.is_empty(); }
  MoeLayer moeLayer() const { return m_moe; }

 private:
  torch::nn::LayerNorm m_norm1{nullptr}, m_norm2{nullptr};
  SelfAttention m_attn{nullptr};
  FeedForward m_mlp{nullptr};
  MoeLayer m_moe{nullptr};
};
TORCH_MODULE(TransformerBlock);

// Which blocks of a tower of `depth` get an MoE FFN, from the placement settings.
std::vector<bool> moeBlockMask(const config::MoeConfig& moe, int depth, bool towerSelected);

}  // namespace vimoe::model
