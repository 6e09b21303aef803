// A transformer decoder over SentencePiece ids that cross-attends to image tokens: the text
// side of the captioning and VQA models. Each block is pre-LayerNorm self-attention (causal
// when generating, bidirectional when classifying a question), cross-attention to the image
// tokens, then a dense or MoE FFN. Its MoE layers are tagged Modality::Text.
#pragma once

#include <torch/torch.h>

#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/attention.h"
#include "vimoe/model/feed_forward.h"
#include "vimoe/model/moe_layer.h"
#include "vimoe/model/transformer_block.h"

namespace vimoe::model {

// What incremental decoding keeps between steps: per block the self-attention keys and values
// of every position read so far and the image memory's keys and values; which positions were
// real tokens; how many positions were read. Rows follow the batch (beam search reorders them).
struct DecoderCache {
  std::vector<KeyValueCache> self, memory;
  torch::Tensor valid;  // [B, T] bool
  std::int64_t length = 0;
  // Keeps rows `rows` ([B'] long) in that order: the surviving beams' parents.
  void selectRows(const torch::Tensor& rows);
};

class DecoderBlockImpl : public torch::nn::Module {
 public:
  DecoderBlockImpl(const BlockShape& shape, int memoryWidth, const config::MoeConfig* moe);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& valid, const torch::Tensor& memory, bool causal,
                        AuxLosses& aux);
  // x: the new positions only; validAll [B, T + n]; validNew [B, n] (the FFN's routing mask).
  torch::Tensor forwardIncremental(const torch::Tensor& x, const torch::Tensor& validAll, const torch::Tensor& validNew,
                                   KeyValueCache& self, const KeyValueCache& memory, AuxLosses& aux);
  KeyValueCache memoryKeysValues(const torch::Tensor& memory) { return m_crossAttn->memoryKeysValues(memory); }
  bool isMoe() const { return !m_moe.is_empty(); }
  MoeLayer moeLayer() const { return m_moe; }

 private:
  torch::nn::LayerNorm m_norm1{nullptr}, m_norm2{nullptr}, m_norm3{nullptr};
  SelfAttention m_selfAttn{nullptr};
  CrossAttention m_crossAttn{nullptr};
  FeedForward m_mlp{nullptr};
  MoeLayer m_moe{nullptr};
};
TORCH_MODULE(DecoderBlock);

class TextDecoderImpl : public torch::nn::Module {
 public:
  // Shape from model.text; MoE FFNs where moe.towers selects the text side. `maxLength`
  // positions: generative VQA puts the question before the answer, so it needs two texts.
  TextDecoderImpl(const config::ExperimentConfig& cfg, int memoryWidth, int maxLength);
  // ids [B, L] (0 = padding), memory [B, M, Wm] -> hidden states [B, L, W], final-normed.
  torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& memory, bool causal, AuxLosses& aux);
  // Causal decoding one chunk at a time: an empty cache for `memory`, then the hidden states
  // [B, n, W] of the new ids [B, n] given everything read before: forward()'s states on the
  // whole sequence, exactly for dense FFNs and dropless MoE (capacity factor 0); with a capacity
  // the few tokens of a step may fit where the whole sequence's would overflow.
  DecoderCache startDecoding(const torch::Tensor& memory);
  torch::Tensor forwardIncremental(const torch::Tensor& ids, DecoderCache& cache, AuxLosses& aux);
  std::vector<DecoderBlock>& blocks() { return m_blocks; }
  int width() const { return m_width; }
  int maxLength() const { return m_maxLength; }
  torch::nn::Embedding tokens() const { return m_tokens; }

 private:
  int m_width, m_maxLength;
  torch::nn::Embedding m_tokens{nullptr};
  torch::Tensor m_positions;
  std::vector<DecoderBlock> m_blocks;
  torch::nn::LayerNorm m_normFinal{nullptr};
};
TORCH_MODULE(TextDecoder);

}  // namespace vimoe::model
