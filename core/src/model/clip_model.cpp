#include "vimoe/model/clip_model.h"

#include <cmath>

namespace vimoe::model {

ClipModelImpl::ClipModelImpl(const config::ExperimentConfig& cfg) {
  m_vision = register_module("image", VisionEncoder(cfg));
  m_text = register_module("text", TextEncoder(cfg));
  m_logitScale = register_parameter("logit_scale", torch::full({}, std::log(1.0 / 0.07)));
}

ContrastiveOutput ClipModelImpl::forward(const torch::Tensor& pixels, const torch::Tensor& ids) {
  ContrastiveOutput out;
  out.imageEmbeddings = torch::nn::functional::normalize(m_vision->forward(pixels, out.aux),
                                                         torch::nn::functional::NormalizeFuncOptions().dim(-1));
  out.textEmbeddings = torch::nn::functional::normalize(m_text->forward(ids, out.aux),
                                                        torch::nn::functional::NormalizeFuncOptions().dim(-1));
  return out;
}

torch::Tensor ClipModelImpl::encodeImages(const torch::Tensor& pixels) {
  AuxLosses aux;
  return torch::nn::functional::normalize(m_vision->forward(pixels, aux),
                                          torch::nn::functional::NormalizeFuncOptions().dim(-1));
}

torch::Tensor ClipModelImpl::encodeTexts(const torch::Tensor& ids) {
  AuxLosses aux;
  return torch::nn::functional::normalize(m_text->forward(ids, aux), torch::nn::functional::NormalizeFuncOptions().dim(-1));
}

torch::Tensor ClipModelImpl::clipLoss(const ContrastiveOutput& out) const {
  const auto logits = logitScale() * torch::matmul(out.imageEmbeddings, out.textEmbeddings.t());
  const auto targets = torch::arange(logits.size(0), torch::kLong);
  return 0.5 * (torch::nn::functional::cross_entropy(logits, targets) +
                torch::nn::functional::cross_entropy(logits.t(), targets));
}

std::vector<std::pair<std::string, MoeLayer>> ClipModelImpl::moeLayers() {
  std::vector<std::pair<std::string, MoeLayer>> layers;
  auto collect = [&](const std::string& tower, std::vector<TransformerBlock>& blocks) {
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (blocks[i]->isMoe()) layers.emplace_back(tower + ".blocks." + std::to_string(i), blocks[i]->moeLayer());
  };
  collect("image", m_vision->blocks());
  collect("text", m_text->blocks());
  return layers;
}

ParameterCounts ClipModelImpl::parameterCounts() {
  ParameterCounts counts;
  for (const auto& p : parameters()) counts.total += p.numel();
  counts.active = counts.total;
  // Each token uses k of E experts' weights; the router itself is always active.
  for (auto& [name, layer] : moeLayers()) {
    const std::int64_t expertParams = layer->w1.numel() + layer->b1.numel() + layer->w2.numel() + layer->b2.numel();
    counts.active -= expertParams * (layer->experts() - layer->topK()) / layer->experts();
  }
  return counts;
}

}  // namespace vimoe::model
