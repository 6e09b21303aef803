#include "vimoe/eval/caption_eval.h"

#include <algorithm>

#include "vimoe/text/detokenize.h"

namespace vimoe::eval {

std::vector<std::string> generateCaptions(model::VisionLanguageModel& model, const text::Tokenizer& tokenizer,
                                          const torch::Tensor& pixels, const model::GenerationOptions& options) {
  torch::NoGradGuard noGrad;
  model::AuxLosses aux;
  const auto memory = model->encodeImage(pixels, aux);
  const std::vector<int> prefix = {text::Tokenizer::kBosId};
  std::vector<std::string> captions;
  if (options.beamWidth <= 1) {
    const std::vector<std::vector<int>> prefixes(static_cast<std::size_t>(memory.size(0)), prefix);
    for (const auto& h : model::greedyDecode(model, memory, prefixes, options.maxLength))
      captions.push_back(text::detokenize(tokenizer, h.ids));
    return captions;
  }
  for (std::int64_t i = 0; i < memory.size(0); ++i) {
    const auto beams = model::beamSearch(model, memory.narrow(0, i, 1), prefix, options);
    captions.push_back(beams.empty() ? std::string() : text::detokenize(tokenizer, beams.front().ids));
  }
  return captions;
}

Expected<CaptionEvaluation> evaluateCaptioning(model::VisionLanguageModel& model, const train::ContrastiveSplit& split,
                                               const text::Tokenizer& tokenizer, const CaptionEvalOptions& options) {
  const bool wasTraining = model->is_training();
  model->eval();
  const auto device = model->parameters().front().device();
  const std::int64_t count = options.maxImages > 0 ? std::min<std::int64_t>(options.maxImages, split.imageCount())
                                                   : split.imageCount();
  CaptionEvaluation evaluation;
  std::vector<metrics::CaptionPrediction> predictions;
  std::vector<metrics::CaptionReferences> references;
  for (std::int64_t start = 0; start < count; start += options.batchSize) {
    const auto size = std::min<std::int64_t>(options.batchSize, count - start);
    const auto pixels = train::pixelsFromBytes(split.images.range(start, size)).to(device);
    const auto captions = generateCaptions(model, tokenizer, pixels, options.generation);
    for (std::int64_t j = 0; j < size; ++j) {
      const auto i = static_cast<std::size_t>(start + j);
      CaptionSample sample{split.imageIds[i], split.imagePaths[i], captions[static_cast<std::size_t>(j)], split.captions[i]};
      predictions.push_back({sample.id, sample.prediction});
      references.push_back({sample.id, sample.references});
      evaluation.samples.push_back(std::move(sample));
    }
  }
  if (wasTraining) model->train();
  auto scores = metrics::scoreCaptions(predictions, references, options.tokenization);
  if (!scores) return scores.error();
  evaluation.scores = std::move(*scores);
  return evaluation;
}

}  // namespace vimoe::eval
