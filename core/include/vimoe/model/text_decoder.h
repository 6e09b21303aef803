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

class DecoderBlockImpl : public torch::nn::Module {
 public:
  DecoderBlockImpl(const BlockShape& shape, int memoryWidth, const config::MoeConfig* moe);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& valid, const torch::Tensor& memory, bool causal,
                        AuxLosses& aux);
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
