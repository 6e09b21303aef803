#include "vimoe/model/attention_pool.h"

namespace vimoe::model {

AttentionPoolImpl::AttentionPoolImpl(const BlockShape& shape) {
  m_probe = register_parameter("probe", torch::randn({1, 1, shape.width}) * 0.02);
  m_attn = register_module("attn", CrossAttention(shape.width, shape.width, shape.heads));
  m_norm = register_module("norm", layerNorm(shape.width, shape.normEps));
  m_mlp = register_module("mlp", FeedForward(shape.width, shape.hidden, shape.activation));
}

torch::Tensor AttentionPoolImpl::forward(const torch::Tensor& tokens) {
  // No LayerNorm before the attention: SigLIP's head attends over the post-normed tokens.
  const auto pooled = m_attn->forward(m_probe.expand({tokens.size(0), 1, tokens.size(2)}), tokens);
  return (pooled + m_mlp->forward(m_norm->forward(pooled))).select(1, 0);
}

}  // namespace vimoe::model
