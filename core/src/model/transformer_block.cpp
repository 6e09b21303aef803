#include "vimoe/model/transformer_block.h"

namespace vimoe::model {

BlockShape blockShape(const config::TowerConfig& tower, const config::ArchitectureConfig& arch) {
  BlockShape shape;
  shape.width = tower.width;
  shape.heads = tower.heads;
  shape.hidden = static_cast<int>(tower.width * tower.mlp_ratio + 0.5);
  shape.activation = activationFromName(arch.activation);
  shape.normEps = arch.norm_eps;
  return shape;
}

torch::nn::LayerNorm layerNorm(int width, double eps) {
  return torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).eps(eps));
}

TransformerBlockImpl::TransformerBlockImpl(const BlockShape& shape, const config::MoeConfig* moe) {
  m_norm1 = register_module("norm1", layerNorm(shape.width, shape.normEps));
  m_attn = register_module("attn", SelfAttention(shape.width, shape.heads));
  m_norm2 = register_module("norm2", layerNorm(shape.width, shape.normEps));
  if (moe)
    m_moe = register_module("moe", MoeLayer(shape.width, shape.hidden, *moe, shape.activation));
  else
    m_mlp = register_module("mlp", FeedForward(shape.width, shape.hidden, shape.activation));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& valid, Modality modality,
                                            AuxLosses& aux, bool causal) {
  auto h = x + m_attn->forward(m_norm1->forward(x), valid, causal);
  auto normed = m_norm2->forward(h);
  return h + (isMoe() ? m_moe->forward(normed, valid, modality, aux) : m_mlp->forward(normed));
}

std::vector<bool> moeBlockMask(const config::MoeConfig& moe, int depth, bool towerSelected) {
  std::vector<bool> mask(static_cast<std::size_t>(depth), false);
  if (!moe.enabled || !towerSelected) return mask;
  for (int i = 0; i < depth; ++i) {
    if (moe.placement == "last_n")
      mask[static_cast<std::size_t>(i)] = i >= depth - moe.placement_n;
    else  // every_nth: blocks n-1, 2n-1, ... (n = 1: every block), as in V-MoE's "every other layer"
      mask[static_cast<std::size_t>(i)] = (i + 1) % moe.placement_n == 0;
  }
  return mask;
}

}  // namespace vimoe::model
