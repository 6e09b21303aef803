#include "vimoe/model/text_decoder.h"

#include "vimoe/model/transformer_block.h"

namespace vimoe::model {

DecoderBlockImpl::DecoderBlockImpl(const BlockShape& shape, int memoryWidth, const config::MoeConfig* moe) {
  const int width = shape.width;
  m_norm1 = register_module("norm1", layerNorm(width, shape.normEps));
  m_selfAttn = register_module("attn", SelfAttention(width, shape.heads));
  m_norm2 = register_module("norm2", layerNorm(width, shape.normEps));
  m_crossAttn = register_module("cross_attn", CrossAttention(width, memoryWidth, shape.heads));
  m_norm3 = register_module("norm3", layerNorm(width, shape.normEps));
  if (moe)
    m_moe = register_module("moe", MoeLayer(width, shape.hidden, *moe, shape.activation));
  else
    m_mlp = register_module("mlp", FeedForward(width, shape.hidden, shape.activation));
}

torch::Tensor DecoderBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& valid, const torch::Tensor& memory,
                                        bool causal, AuxLosses& aux) {
  auto h = x + m_selfAttn->forward(m_norm1->forward(x), valid, causal);
  h = h + m_crossAttn->forward(m_norm2->forward(h), memory);
  auto normed = m_norm3->forward(h);
  return h + (isMoe() ? m_moe->forward(normed, valid, Modality::Text, aux) : m_mlp->forward(normed));
}

torch::Tensor DecoderBlockImpl::forwardIncremental(const torch::Tensor& x, const torch::Tensor& validAll,
                                                   const torch::Tensor& validNew, KeyValueCache& self,
                                                   const KeyValueCache& memory, AuxLosses& aux) {
  auto h = x + m_selfAttn->forwardIncremental(m_norm1->forward(x), validAll, self);
  h = h + m_crossAttn->forward(m_norm2->forward(h), memory);
  auto normed = m_norm3->forward(h);
  return h + (isMoe() ? m_moe->forward(normed, validNew, Modality::Text, aux) : m_mlp->forward(normed));
}

void DecoderCache::selectRows(const torch::Tensor& rows) {
  for (auto* caches : {&self, &memory})
    for (auto& cache : *caches) {
      cache.keys = cache.keys.index_select(0, rows);
      cache.values = cache.values.index_select(0, rows);
    }
  valid = valid.index_select(0, rows);
}

TextDecoderImpl::TextDecoderImpl(const config::ExperimentConfig& cfg, int memoryWidth, int maxLength)
    : m_width(cfg.model.text.width), m_maxLength(maxLength) {
  const auto& tower = cfg.model.text;
  m_tokens = register_module("token_embed", torch::nn::Embedding(cfg.data.vocab_size, tower.width));
  {
    torch::NoGradGuard noGrad;
    m_tokens->weight.normal_(0.0, 0.02);
  }
  m_positions = register_parameter("positions", torch::randn({1, maxLength, tower.width}) * 0.01);
  const bool textSelected = cfg.moe.towers == "both" || cfg.moe.towers == "text";
  const auto mask = moeBlockMask(cfg.moe, tower.depth, textSelected);
  const BlockShape shape = blockShape(tower, cfg.model.arch);
  auto list = register_module("blocks", torch::nn::ModuleList());
  for (int i = 0; i < tower.depth; ++i) {
    m_blocks.emplace_back(shape, memoryWidth, mask[static_cast<std::size_t>(i)] ? &cfg.moe : nullptr);
    list->push_back(m_blocks.back());
  }
  m_normFinal = register_module("norm_final", layerNorm(tower.width, shape.normEps));
}

torch::Tensor TextDecoderImpl::forward(const torch::Tensor& ids, const torch::Tensor& memory, bool causal,
                                       AuxLosses& aux) {
  TORCH_CHECK(ids.size(1) <= m_maxLength, "decoder input of ", ids.size(1), " tokens exceeds its ", m_maxLength,
              " positions");
  const auto valid = ids.ne(0);
  auto x = m_tokens->forward(ids) + m_positions.narrow(1, 0, ids.size(1));
  for (auto& block : m_blocks) x = block->forward(x, valid, memory, causal, aux);
  return m_normFinal->forward(x);
}

DecoderCache TextDecoderImpl::startDecoding(const torch::Tensor& memory) {
  DecoderCache cache;
  cache.self.resize(m_blocks.size());
  for (auto& block : m_blocks) cache.memory.push_back(block->memoryKeysValues(memory));
  cache.valid = torch::zeros({memory.size(0), 0}, memory.options().dtype(torch::kBool));
  return cache;
}

torch::Tensor TextDecoderImpl::forwardIncremental(const torch::Tensor& ids, DecoderCache& cache, AuxLosses& aux) {
  TORCH_CHECK(cache.length + ids.size(1) <= m_maxLength, "decoder input of ", cache.length + ids.size(1),
              " tokens exceeds its ", m_maxLength, " positions");
  const auto validNew = ids.ne(0);
  cache.valid = torch::cat({cache.valid, validNew}, 1);
  auto x = m_tokens->forward(ids) + m_positions.narrow(1, cache.length, ids.size(1));
  for (std::size_t i = 0; i < m_blocks.size(); ++i)
    x = m_blocks[i]->forwardIncremental(x, cache.valid, validNew, cache.self[i], cache.memory[i], aux);
  cache.length += ids.size(1);
  return m_normFinal->forward(x);
}

}  // namespace vimoe::model
