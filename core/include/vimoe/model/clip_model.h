// CLIP-style two-tower contrastive model with dense or MoE FFNs (or one LIMoE-style tower shared
// by both modalities), trained with the CLIP InfoNCE loss (learned temperature, init
// log(1/0.07), scale clamped at 100) or the SigLIP sigmoid loss (learned temperature, init
// log 10, and bias, init -10). REFERENCES.md section 2.
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "vimoe/model/encoders.h"

namespace vimoe::model {

struct ContrastiveOutput {
  torch::Tensor imageEmbeddings;  // [B, D], L2-normalised
  torch::Tensor textEmbeddings;   // [B, D], L2-normalised
  AuxLosses aux;
};

struct ParameterCounts {
  std::int64_t total = 0;   // every parameter
  std::int64_t active = 0;  // parameters used per token: only k of E experts count
};

// Total parameters, and those a token uses: each MoE layer's unused E - k experts are not
// active (expert choice: k on average); routers and shared experts always are.
ParameterCounts countParameters(torch::nn::Module& model, const std::vector<std::pair<std::string, MoeLayer>>& moeLayers);

class ClipModelImpl : public torch::nn::Module {
 public:
  explicit ClipModelImpl(const config::ExperimentConfig& cfg);
  ContrastiveOutput forward(const torch::Tensor& pixels, const torch::Tensor& ids);
  torch::Tensor encodeImages(const torch::Tensor& pixels);  // normalised embeddings
  // The same, adding the image tower's router losses to `aux` (attacks on the router).
  torch::Tensor encodeImages(const torch::Tensor& pixels, AuxLosses& aux);
  torch::Tensor encodeTexts(const torch::Tensor& ids);
  // The configured loss (loss.contrastive).
  torch::Tensor contrastiveLoss(const ContrastiveOutput& out) const;
  torch::Tensor clipLoss(const ContrastiveOutput& out) const;
  torch::Tensor siglipLoss(const ContrastiveOutput& out) const;
  // Similarity logits [Bi, Bt] of L2-normalised embeddings, as the source models define them:
  // CLIP exp(s) * cos (s clamped at ln 100), SigLIP exp(s) * cos + b.
  torch::Tensor logits(const torch::Tensor& imageEmbeddings, const torch::Tensor& textEmbeddings) const;
  torch::Tensor logitScale() const { return m_logitScale.exp().clamp_max(100.0); }
  bool usesSiglip() const { return m_logitBias.defined(); }
  torch::Tensor logitBias() const { return m_logitBias; }  // SigLIP only

  VisionEncoder imageTower() const { return m_vision; }
  const config::ArchitectureConfig& architecture() const { return m_arch; }
  TextEncoder textTower() const { return m_text; }

  // Every MoE layer once, image tower first, with a stable name ("image.blocks.1";
  // "shared.blocks.1" for a shared tower).
  std::vector<std::pair<std::string, MoeLayer>> moeLayers();
  ParameterCounts parameterCounts();

 private:
  VisionEncoder m_vision{nullptr};
  TextEncoder m_text{nullptr};
  torch::Tensor m_logitScale;
  torch::Tensor m_logitBias;  // SigLIP only
  config::ArchitectureConfig m_arch;
};
TORCH_MODULE(ClipModel);

}  // namespace vimoe::model
