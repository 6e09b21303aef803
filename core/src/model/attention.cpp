#include "vimoe/model/attention.h"

#include <cmath>

namespace vimoe::model {
namespace {

// softmax(q k^T / sqrt(d) + mask) v over heads; q, k, v: [B, H, S, Dh]. `blocked`
// (broadcastable to [B, H, Sq, Sk]) is true where a query may not look.
torch::Tensor attend(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& blocked) {
  auto scores = torch::matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(double(q.size(-1))));
  if (blocked.defined()) scores = scores.masked_fill(blocked, -std::numeric_limits<float>::infinity());
  return torch::matmul(torch::softmax(scores, -1), v);
}

// [B, S, H * Dh] -> [B, H, S, Dh]
torch::Tensor splitHeads(const torch::Tensor& x, int heads) {
  return x.view({x.size(0), x.size(1), heads, x.size(2) / heads}).transpose(1, 2);
}

torch::Tensor mergeHeads(const torch::Tensor& x) {
  return x.transpose(1, 2).reshape({x.size(0), x.size(2), x.size(1) * x.size(3)});
}

}  // namespace

SelfAttentionImpl::SelfAttentionImpl(int width, int heads) : m_heads(heads) {
  m_qkv = register_module("qkv", torch::nn::Linear(width, 3 * width));
  m_proj = register_module("proj", torch::nn::Linear(width, width));
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& keyValid, bool causal) {
  const auto batch = x.size(0), seq = x.size(1), width = x.size(2);
  const auto headDim = width / m_heads;
  // [B, S, 3, H, Dh] -> three [B, H, S, Dh]
  auto qkv = m_qkv->forward(x).view({batch, seq, 3, m_heads, headDim}).permute({2, 0, 3, 1, 4});
  torch::Tensor blocked;
  // Padding keys are blocked; every sequence has at least one real token (<s>) before any
  // padding, so no row is entirely blocked, causal or not.
  if (keyValid.defined()) blocked = keyValid.logical_not().view({batch, 1, 1, seq});
  if (causal) {
    auto future = torch::ones({seq, seq}, x.options().dtype(torch::kBool)).triu(1).view({1, 1, seq, seq});
    blocked = blocked.defined() ? blocked.logical_or(future) : future;
  }
  return m_proj->forward(mergeHeads(attend(qkv[0], qkv[1], qkv[2], blocked)));
}

torch::Tensor SelfAttentionImpl::forwardIncremental(const torch::Tensor& x, const torch::Tensor& keyValid, KeyValueCache& cache) {
  const auto batch = x.size(0), fresh = x.size(1), width = x.size(2);
  auto qkv = m_qkv->forward(x).view({batch, fresh, 3, m_heads, width / m_heads}).permute({2, 0, 3, 1, 4});
  cache.keys = cache.keys.defined() ? torch::cat({cache.keys, qkv[1]}, 2) : qkv[1];
  cache.values = cache.values.defined() ? torch::cat({cache.values, qkv[2]}, 2) : qkv[2];
  const auto total = cache.keys.size(2), before = total - fresh;
  // New position i (absolute before + i) sees keys 0 .. before + i.
  torch::Tensor blocked;
  if (fresh > 1) blocked = torch::ones({fresh, total}, x.options().dtype(torch::kBool)).triu(before + 1).view({1, 1, fresh, total});
  if (keyValid.defined()) {
    const auto padding = keyValid.logical_not().view({batch, 1, 1, total});
    blocked = blocked.defined() ? blocked.logical_or(padding) : padding;
  }
  return m_proj->forward(mergeHeads(attend(qkv[0], cache.keys, cache.values, blocked)));
}

CrossAttentionImpl::CrossAttentionImpl(int width, int memoryWidth, int heads) : m_heads(heads) {
  m_q = register_module("q", torch::nn::Linear(width, width));
  m_kv = register_module("kv", torch::nn::Linear(memoryWidth, 2 * width));
  m_proj = register_module("proj", torch::nn::Linear(width, width));
}

torch::Tensor CrossAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& memory) {
  return forward(x, memoryKeysValues(memory));
}

KeyValueCache CrossAttentionImpl::memoryKeysValues(const torch::Tensor& memory) {
  const auto kv = m_kv->forward(memory).chunk(2, -1);
  return {splitHeads(kv[0].contiguous(), m_heads), splitHeads(kv[1].contiguous(), m_heads)};
}

torch::Tensor CrossAttentionImpl::forward(const torch::Tensor& x, const KeyValueCache& memory) {
  return m_proj->forward(mergeHeads(attend(splitHeads(m_q->forward(x), m_heads), memory.keys, memory.values, torch::Tensor())));
}

}  // namespace vimoe::model
