// The two towers of the contrastive model: a ViT over image patches and a transformer over
// SentencePiece ids. Both end in a linear projection into the shared embedding space. With
// model.shared_tower (LIMoE) the text side has its own embeddings, norm and projection but runs
// the image tower's transformer blocks: one set of experts sees both modalities.
#pragma once

#include <torch/torch.h>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/transformer_block.h"

namespace vimoe::model {

class VisionEncoderImpl : public torch::nn::Module {
 public:
  VisionEncoderImpl(const config::ExperimentConfig& cfg);
  // pixels: [B, 3, H, W] in [0, 1]; normalisation happens inside the model so that attacks
  // and demos work in pixel space.
  torch::Tensor forward(const torch::Tensor& pixels, AuxLosses& aux);
  // Every token after the final norm, [B, 1 + P, W] (class token first): what a decoder
  // cross-attends to. forward() projects token 0 of this.
  torch::Tensor tokens(const torch::Tensor& pixels, AuxLosses& aux);
  std::vector<TransformerBlock>& blocks() { return m_blocks; }
  int width() const { return static_cast<int>(m_positions.size(2)); }

 private:
  torch::nn::Conv2d m_patchEmbed{nullptr};
  torch::Tensor m_classToken, m_positions, m_mean, m_std;
  std::vector<TransformerBlock> m_blocks;
  torch::nn::LayerNorm m_normPost{nullptr};
  torch::nn::Linear m_proj{nullptr};
};
TORCH_MODULE(VisionEncoder);

class TextEncoderImpl : public torch::nn::Module {
 public:
  // `sharedBlocks`: the image tower's blocks to run instead of own ones (not registered here,
  // so their parameters are counted and optimised once).
  TextEncoderImpl(const config::ExperimentConfig& cfg, const std::vector<TransformerBlock>* sharedBlocks = nullptr);
  // ids: [B, L] int64 with 0 = padding. Mean-pools the real tokens.
  torch::Tensor forward(const torch::Tensor& ids, AuxLosses& aux);
  std::vector<TransformerBlock>& blocks() { return m_blocks; }
  bool sharesBlocks() const { return m_sharedBlocks; }

 private:
  bool m_sharedBlocks = false;
  torch::nn::Embedding m_tokens{nullptr};
  torch::Tensor m_positions;
  std::vector<TransformerBlock> m_blocks;
  torch::nn::LayerNorm m_normFinal{nullptr};
  torch::nn::Linear m_proj{nullptr};
};
TORCH_MODULE(TextEncoder);

}  // namespace vimoe::model
