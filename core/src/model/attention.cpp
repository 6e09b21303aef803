#include "vimoe/model/attention.h"

#include <cmath>

namespace vimoe::model {

SelfAttentionImpl::SelfAttentionImpl(int width, int heads) : m_heads(heads) {
  m_qkv = register_module("qkv", torch::nn::Linear(width, 3 * width));
  m_proj = register_module("proj", torch::nn::Linear(width, width));
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& keyValid) {
  const auto batch = x.size(0), seq = x.size(1), width = x.size(2);
  const auto headDim = width / m_heads;
  // [B, S, 3, H, Dh] -> three [B, H, S, Dh]
  auto qkv = m_qkv->forward(x).view({batch, seq, 3, m_heads, headDim}).permute({2, 0, 3, 1, 4});
  auto q = qkv[0], k = qkv[1], v = qkv[2];
  auto scores = torch::matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(double(headDim)));
  if (keyValid.defined()) {
    // Padding keys get -inf; every sequence has at least one real token (<s>), so no row is all -inf.
    scores = scores.masked_fill(keyValid.logical_not().view({batch, 1, 1, seq}), -std::numeric_limits<float>::infinity());
  }
  auto attended = torch::matmul(torch::softmax(scores, -1), v);  // [B, H, S, Dh]
  return m_proj->forward(attended.transpose(1, 2).reshape({batch, seq, width}));
}

}  // namespace vimoe::model
