#include "vimoe/model/transformer_block.h"

namespace vimoe::model {

TransformerBlockImpl::TransformerBlockImpl(int width, int heads, int hidden, const config::MoeConfig* moe) {
  m_norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
  m_attn = register_module("attn", SelfAttention(width, heads));
  m_norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
  if (moe)
    m_moe = register_module("moe", MoeLayer(width, hidden, *moe));
  else
    m_mlp = register_module("mlp", FeedForward(width, hidden));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& valid, Modality modality,
                                            AuxLosses& aux) {
  auto h = x + m_attn->forward(m_norm1->forward(x), valid);
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
