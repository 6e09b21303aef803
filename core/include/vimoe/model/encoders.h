// The two towers of the contrastive model: a ViT over image patches and a transformer over
// token ids. Both end in a linear projection into the shared embedding space. With
// model.shared_tower (LIMoE) the text side has its own embeddings, norm and projection but runs
// the image tower's transformer blocks: one set of experts sees both modalities.
// model.arch selects the details in which published backbones differ (pooling, activation,
// LayerNorm epsilon, causal text, biases, pixel normalisation), so imported weights compute
// what they computed at their source.
#pragma once

#include <torch/torch.h>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/attention_pool.h"
#include "vimoe/model/transformer_block.h"

namespace vimoe::model {

enum class ImagePooling { ClassToken, Mean, AttentionPool };
enum class TextPooling { Mean, EndOfText, Last };

ImagePooling imagePoolingFromName(const std::string& name);  // model.arch.image_pool
TextPooling textPoolingFromName(const std::string& name);    // model.arch.text_pool
// The text tower's key-padding mask: 0 is padding only for mean pooling (see forward below).
torch::Tensor textKeyMask(const torch::Tensor& ids, TextPooling pooling);
// x [B, L, W] after the final norm -> [B, W].
torch::Tensor poolText(const torch::Tensor& x, const torch::Tensor& ids, TextPooling pooling);

class VisionEncoderImpl : public torch::nn::Module {
 public:
  VisionEncoderImpl(const config::ExperimentConfig& cfg);
  // pixels: [B, 3, H, W] in [0, 1]; normalisation happens inside the model so that attacks
  // and demos work in pixel space. Returns the projected (not yet L2-normalised) embedding.
  torch::Tensor forward(const torch::Tensor& pixels, AuxLosses& aux);
  // Every token after the final norm, [B, T, W] (with a class token, T = 1 + P and it comes
  // first): what a decoder cross-attends to.
  torch::Tensor tokens(const torch::Tensor& pixels, AuxLosses& aux);
  // The pooled feature before the projection, [B, W]: the image feature of a backbone imported
  // without a projection (torchvision's ViT).
  torch::Tensor pooled(const torch::Tensor& pixels, AuxLosses& aux);
  // The pooling step alone: tokens() output -> [B, W].
  torch::Tensor pool(const torch::Tensor& tokens);
  std::vector<TransformerBlock>& blocks() { return m_blocks; }
  int width() const { return static_cast<int>(m_positions.size(2)); }
  bool hasClassToken() const { return m_pooling == ImagePooling::ClassToken; }
  ImagePooling pooling() const { return m_pooling; }

 private:
  ImagePooling m_pooling;
  torch::nn::Conv2d m_patchEmbed{nullptr};
  torch::Tensor m_classToken, m_positions, m_mean, m_std;
  torch::nn::LayerNorm m_normPre{nullptr};  // only with model.arch.pre_norm
  std::vector<TransformerBlock> m_blocks;
  torch::nn::LayerNorm m_normPost{nullptr};
  AttentionPool m_pool{nullptr};  // only with image_pool = map
  torch::nn::Linear m_proj{nullptr};
};
TORCH_MODULE(VisionEncoder);

class TextEncoderImpl : public torch::nn::Module {
 public:
  // `sharedBlocks`: the image tower's blocks to run instead of own ones (not registered here,
  // so their parameters are counted and optimised once).
  TextEncoderImpl(const config::ExperimentConfig& cfg, const std::vector<TransformerBlock>* sharedBlocks = nullptr);
  // ids: [B, L] int64. With mean pooling 0 is padding and masked; with eot / last pooling the
  // text is read as its tokenizer wrote it (CLIP's causal mask makes padding after the end of
  // text invisible; SigLIP pads to full length by design).
  torch::Tensor forward(const torch::Tensor& ids, AuxLosses& aux);
  std::vector<TransformerBlock>& blocks() { return m_blocks; }
  bool sharesBlocks() const { return m_sharedBlocks; }
  TextPooling pooling() const { return m_pooling; }
  bool causal() const { return m_causal; }

 private:
  bool m_sharedBlocks = false;
  TextPooling m_pooling;
  bool m_causal;
  torch::nn::Embedding m_tokens{nullptr};
  torch::Tensor m_positions;
  std::vector<TransformerBlock> m_blocks;
  torch::nn::LayerNorm m_normFinal{nullptr};
  torch::nn::Linear m_proj{nullptr};
};
TORCH_MODULE(TextEncoder);

}  // namespace vimoe::model
