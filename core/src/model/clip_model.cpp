#include "vimoe/model/clip_model.h"

#include <cmath>

namespace vimoe::model {
namespace {

torch::Tensor normalized(const torch::Tensor& x) {
  return torch::nn::functional::normalize(x, torch::nn::functional::NormalizeFuncOptions().dim(-1));
}

}  // namespace

ClipModelImpl::ClipModelImpl(const config::ExperimentConfig& cfg) : m_arch(cfg.model.arch) {
  m_vision = register_module("image", VisionEncoder(cfg));
  m_text = register_module("text", TextEncoder(cfg, cfg.model.shared_tower ? &m_vision->blocks() : nullptr));
  const bool siglip = cfg.loss.contrastive == "siglip";
  m_logitScale = register_parameter("logit_scale", torch::full({}, siglip ? std::log(10.0) : std::log(1.0 / 0.07)));
  if (siglip) m_logitBias = register_parameter("logit_bias", torch::full({}, -10.0));
  int index = 0;
  for (auto& [name, layer] : moeLayers()) layer->setLayerIndex(index++);
}

ContrastiveOutput ClipModelImpl::forward(const torch::Tensor& pixels, const torch::Tensor& ids) {
  ContrastiveOutput out;
  out.imageEmbeddings = normalized(m_vision->forward(pixels, out.aux));
  out.textEmbeddings = normalized(m_text->forward(ids, out.aux));
  return out;
}

torch::Tensor ClipModelImpl::encodeImages(const torch::Tensor& pixels) {
  AuxLosses aux;
  return encodeImages(pixels, aux);
}

torch::Tensor ClipModelImpl::encodeImages(const torch::Tensor& pixels, AuxLosses& aux) {
  return normalized(m_vision->forward(pixels, aux));
}

torch::Tensor ClipModelImpl::encodeTexts(const torch::Tensor& ids) {
  AuxLosses aux;
  return normalized(m_text->forward(ids, aux));
}

torch::Tensor ClipModelImpl::contrastiveLoss(const ContrastiveOutput& out) const {
  return usesSiglip() ? siglipLoss(out) : clipLoss(out);
}

torch::Tensor ClipModelImpl::logits(const torch::Tensor& imageEmbeddings, const torch::Tensor& textEmbeddings) const {
  const auto cosine = torch::matmul(imageEmbeddings, textEmbeddings.t());
  return usesSiglip() ? m_logitScale.exp() * cosine + m_logitBias : logitScale() * cosine;
}

torch::Tensor ClipModelImpl::clipLoss(const ContrastiveOutput& out) const {
  const auto logits = this->logits(out.imageEmbeddings, out.textEmbeddings);
  const auto targets = torch::arange(logits.size(0), logits.options().dtype(torch::kLong));
  return 0.5 * (torch::nn::functional::cross_entropy(logits, targets) +
                torch::nn::functional::cross_entropy(logits.t(), targets));
}

// -1/B sum_ij log sigmoid(z_ij (t x_i.y_j + b)), z = +1 on the diagonal and -1 elsewhere
// (OpenCLIP SigLipLoss); logsigmoid keeps it finite for large margins.
torch::Tensor ClipModelImpl::siglipLoss(const ContrastiveOutput& out) const {
  const auto logits = this->logits(out.imageEmbeddings, out.textEmbeddings);
  const auto n = logits.size(0);
  const auto labels = 2.0 * torch::eye(n, logits.options()) - 1.0;
  return -torch::log_sigmoid(labels * logits).sum() / double(n);
}

std::vector<std::pair<std::string, MoeLayer>> ClipModelImpl::moeLayers() {
  std::vector<std::pair<std::string, MoeLayer>> layers;
  auto collect = [&](const std::string& tower, std::vector<TransformerBlock>& blocks) {
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (blocks[i]->isMoe()) layers.emplace_back(tower + ".blocks." + std::to_string(i), blocks[i]->moeLayer());
  };
  collect(m_text->sharesBlocks() ? "shared" : "image", m_vision->blocks());
  if (!m_text->sharesBlocks()) collect("text", m_text->blocks());
  return layers;
}

ParameterCounts countParameters(torch::nn::Module& model, const std::vector<std::pair<std::string, MoeLayer>>& moeLayers) {
  ParameterCounts counts;
  for (const auto& p : model.parameters()) counts.total += p.numel();
  counts.active = counts.total;
  for (const auto& [name, layer] : moeLayers)
    counts.active -= layer->parametersPerExpert() * (layer->experts() - layer->topK());
  return counts;
}

ParameterCounts ClipModelImpl::parameterCounts() { return countParameters(*this, moeLayers()); }

}  // namespace vimoe::model
