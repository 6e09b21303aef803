#include "vimoe/model/vision_language_model.h"

namespace vimoe::model {

int decoderPositions(const config::ExperimentConfig& cfg) { return 2 * cfg.data.max_text_tokens; }

VisionLanguageModelImpl::VisionLanguageModelImpl(const config::ExperimentConfig& cfg, int answerClasses)
    : m_answerClasses(answerClasses) {
  m_vision = register_module("image", VisionEncoder(cfg));
  const int imageWidth = cfg.model.image.width, textWidth = cfg.model.text.width;
  // Cross-attention projects keys and values itself; this projection only exists so that the
  // memory is in the decoder's width for models whose towers differ.
  if (imageWidth != textWidth)
    m_memoryProj = register_module("memory_proj", torch::nn::Linear(imageWidth, textWidth));
  m_decoder = register_module("decoder", TextDecoder(cfg, textWidth, decoderPositions(cfg)));
  m_lmHead = register_module("lm_head", torch::nn::Linear(textWidth, cfg.data.vocab_size));
  if (answerClasses > 0) m_answerHead = register_module("answer_head", torch::nn::Linear(textWidth, answerClasses));
  int index = 0;
  for (auto& [name, layer] : moeLayers()) layer->setLayerIndex(index++);
}

torch::Tensor VisionLanguageModelImpl::encodeImage(const torch::Tensor& pixels, AuxLosses& aux) {
  auto memory = m_vision->tokens(pixels, aux);
  return m_memoryProj.is_empty() ? memory : m_memoryProj->forward(memory);
}

torch::Tensor VisionLanguageModelImpl::tokenLogits(const torch::Tensor& memory, const torch::Tensor& ids, AuxLosses& aux) {
  return m_lmHead->forward(m_decoder->forward(ids, memory, /*causal=*/true, aux));
}

torch::Tensor VisionLanguageModelImpl::nextTokenLogits(const torch::Tensor& ids, DecoderCache& cache, AuxLosses& aux) {
  return m_lmHead->forward(m_decoder->forwardIncremental(ids, cache, aux));
}

torch::Tensor VisionLanguageModelImpl::answerLogits(const torch::Tensor& memory, const torch::Tensor& ids, AuxLosses& aux) {
  TORCH_CHECK(m_answerClasses > 0, "this model has no answer-classification head");
  const auto hidden = m_decoder->forward(ids, memory, /*causal=*/false, aux);
  const auto weights = ids.ne(0).to(hidden.scalar_type()).unsqueeze(-1);
  return m_answerHead->forward((hidden * weights).sum(1) / weights.sum(1).clamp_min(1.0));
}

std::vector<std::pair<std::string, MoeLayer>> VisionLanguageModelImpl::moeLayers() {
  std::vector<std::pair<std::string, MoeLayer>> layers;
  auto& imageBlocks = m_vision->blocks();
  for (std::size_t i = 0; i < imageBlocks.size(); ++i)
    if (imageBlocks[i]->isMoe()) layers.emplace_back("image.blocks." + std::to_string(i), imageBlocks[i]->moeLayer());
  auto& decoderBlocks = m_decoder->blocks();
  for (std::size_t i = 0; i < decoderBlocks.size(); ++i)
    if (decoderBlocks[i]->isMoe())
      layers.emplace_back("decoder.blocks." + std::to_string(i), decoderBlocks[i]->moeLayer());
  return layers;
}

ParameterCounts VisionLanguageModelImpl::parameterCounts() { return countParameters(*this, moeLayers()); }

}  // namespace vimoe::model
