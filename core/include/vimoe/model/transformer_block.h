// Pre-LayerNorm transformer block whose FFN is either dense or a Mixture of Experts.
#pragma once

#include <torch/torch.h>

#include "vimoe/model/attention.h"
#include "vimoe/model/feed_forward.h"
#include "vimoe/model/moe_layer.h"

namespace vimoe::model {

// The shape and arithmetic of one block: the FFN has `hidden` units (each expert too).
struct BlockShape {
  int width = 0;
  int heads = 1;
  int hidden = 0;
  Activation activation = Activation::Gelu;
  double normEps = 1e-5;
};

// A tower's block shape from its config and the model's architecture settings.
BlockShape blockShape(const config::TowerConfig& tower, const config::ArchitectureConfig& arch);

class TransformerBlockImpl : public torch::nn::Module {
 public:
  // `moe` null: a dense FFN; otherwise an MoE layer of such FFNs.
  TransformerBlockImpl(const BlockShape& shape, const config::MoeConfig* moe);
  // `modality` tags the MoE layer's statistics; a LIMoE shared tower sees both. `causal`: each
  // position attends only to itself and earlier ones (CLIP's text tower).
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& valid, Modality modality, AuxLosses& aux,
                        bool causal = false);

  bool isMoe() const { return !m_moe.is_empty(); }
  MoeLayer moeLayer() const { return m_moe; }

 private:
  torch::nn::LayerNorm m_norm1{nullptr}, m_norm2{nullptr};
  SelfAttention m_attn{nullptr};
  FeedForward m_mlp{nullptr};
  MoeLayer m_moe{nullptr};
};
TORCH_MODULE(TransformerBlock);

// A LayerNorm over the last `width` features with the architecture's epsilon.
torch::nn::LayerNorm layerNorm(int width, double eps);

// Which blocks of a tower of `depth` get an MoE FFN, from the placement settings.
std::vector<bool> moeBlockMask(const config::MoeConfig& moe, int depth, bool towerSelected);

}  // namespace vimoe::model
