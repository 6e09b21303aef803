// The downstream model: the contrastive model's image tower (same tensor names, "image.*", so
// a contrastive checkpoint starts it) feeding a text decoder that cross-attends to its tokens.
//   captioning       causal decoder + language-model head, teacher forcing, greedy/beam search
//   generative VQA   the same, with the question as a prefix: "<s> question </s> answer </s>"
//   classifying VQA  the decoder reads the question bidirectionally; the mean of its states goes
//                    through a linear head over the training answer vocabulary (ViVQA style)
#pragma once

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

#include "vimoe/model/clip_model.h"
#include "vimoe/model/encoders.h"
#include "vimoe/model/text_decoder.h"

namespace vimoe::model {

class VisionLanguageModelImpl : public torch::nn::Module {
 public:
  // answerClasses > 0 adds the answer-classification head.
  VisionLanguageModelImpl(const config::ExperimentConfig& cfg, int answerClasses = 0);

  // Image tokens [B, 1 + P, W] for the decoder to attend to.
  torch::Tensor encodeImage(const torch::Tensor& pixels, AuxLosses& aux);
  // Next-token logits [B, L, V] for every position of `ids` (causal).
  torch::Tensor tokenLogits(const torch::Tensor& memory, const torch::Tensor& ids, AuxLosses& aux);
  // Incremental generation: a cache for `memory`, then the next-token logits [B, n, V] of the
  // new ids [B, n] only (text_decoder.h DecoderCache).
  DecoderCache startDecoding(const torch::Tensor& memory) { return m_decoder->startDecoding(memory); }
  torch::Tensor nextTokenLogits(const torch::Tensor& ids, DecoderCache& cache, AuxLosses& aux);
  // Answer logits [B, answerClasses] for questions `ids` (bidirectional, mean of real tokens).
  torch::Tensor answerLogits(const torch::Tensor& memory, const torch::Tensor& ids, AuxLosses& aux);

  int answerClasses() const { return m_answerClasses; }
  int maxLength() const { return m_decoder->maxLength(); }
  VisionEncoder vision() const { return m_vision; }
  // Image tower first ("image.blocks.1"), then the decoder ("decoder.blocks.0").
  std::vector<std::pair<std::string, MoeLayer>> moeLayers();
  ParameterCounts parameterCounts();

 private:
  int m_answerClasses;
  VisionEncoder m_vision{nullptr};
  torch::nn::Linear m_memoryProj{nullptr};  // image width -> decoder width when they differ
  TextDecoder m_decoder{nullptr};
  torch::nn::Linear m_lmHead{nullptr};
  torch::nn::Linear m_answerHead{nullptr};
};
TORCH_MODULE(VisionLanguageModel);

// Decoder positions the model is built with: room for a question and an answer.
int decoderPositions(const config::ExperimentConfig& cfg);

}  // namespace vimoe::model
