#include "vimoe/eval/vqa_eval.h"

#include <algorithm>

#include "vimoe/text/detokenize.h"
#include "vimoe/train/contrastive_data.h"

namespace vimoe::eval {

std::vector<int> questionPrefix(const text::Tokenizer& tokenizer, const std::string& question, int maxTokens) {
  std::vector<int> prefix = {text::Tokenizer::kBosId};
  for (int id : tokenizer.encode(question)) {
    if (static_cast<int>(prefix.size()) >= maxTokens - 1) break;
    prefix.push_back(id);
  }
  prefix.push_back(text::Tokenizer::kEosId);
  return prefix;
}

std::vector<std::string> answerQuestions(model::VisionLanguageModel& model, const text::Tokenizer& tokenizer,
                                         const train::AnswerVocabulary& vocabulary, const torch::Tensor& pixels,
                                         const std::vector<std::string>& questions, const VqaEvalOptions& options,
                                         int maxTokens) {
  torch::NoGradGuard noGrad;
  model::AuxLosses aux;
  const auto memory = model->encodeImage(pixels, aux);
  std::vector<std::string> answers;
  if (!options.generative) {
    std::vector<std::int64_t> ids;
    for (const auto& q : questions) {
      const auto encoded = tokenizer.encodePadded(q, maxTokens);
      ids.insert(ids.end(), encoded.begin(), encoded.end());
    }
    const auto idsTensor =
        torch::tensor(ids, torch::kLong).view({static_cast<std::int64_t>(questions.size()), maxTokens}).to(memory.device());
    const auto best = model->answerLogits(memory, idsTensor, aux).argmax(1).cpu();
    for (std::int64_t i = 0; i < best.size(0); ++i)
      answers.push_back(vocabulary.answers[static_cast<std::size_t>(best[i].item<std::int64_t>())]);
    return answers;
  }
  // Prefixes differ in length, so each question is decoded on its own.
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto prefix = questionPrefix(tokenizer, questions[i], maxTokens);
    const auto one = memory.narrow(0, static_cast<std::int64_t>(i), 1);
    std::vector<int> ids;
    if (options.generation.beamWidth <= 1) {
      ids = model::greedyDecode(model, one, {prefix}, options.generation.maxLength).front().ids;
    } else {
      const auto beams = model::beamSearch(model, one, prefix, options.generation);
      if (!beams.empty()) ids = beams.front().ids;
    }
    answers.push_back(text::detokenize(tokenizer, ids, /*capitalise=*/false));
  }
  return answers;
}

Expected<VqaEvaluation> evaluateVqa(model::VisionLanguageModel& model, const train::VqaSplit& split,
                                    const text::Tokenizer& tokenizer, const train::AnswerVocabulary& vocabulary,
                                    const VqaEvalOptions& options, int maxTokens) {
  const bool wasTraining = model->is_training();
  model->eval();
  const auto device = model->parameters().front().device();
  const std::int64_t count = options.maxQuestions > 0 ? std::min<std::int64_t>(options.maxQuestions, split.questionCount())
                                                      : split.questionCount();
  VqaEvaluation evaluation;
  std::vector<metrics::VqaPrediction> predictions;
  std::vector<metrics::VqaReference> references;
  for (std::int64_t start = 0; start < count; start += options.batchSize) {
    const auto size = std::min<std::int64_t>(options.batchSize, count - start);
    const auto imageRows = split.questionImage.narrow(0, start, size);
    const auto pixels = train::pixelsFromBytes(split.images.gather(imageRows)).to(device);
    const std::vector<std::string> questions(split.questions.begin() + start, split.questions.begin() + start + size);
    const auto answers = answerQuestions(model, tokenizer, vocabulary, pixels, questions, options, maxTokens);
    for (std::int64_t j = 0; j < size; ++j) {
      const auto i = static_cast<std::size_t>(start + j);
      VqaSample sample{split.questionIds[i],
                       split.imagePaths[static_cast<std::size_t>(imageRows[j].item<std::int64_t>())],
                       split.questions[i],
                       split.types[i],
                       answers[static_cast<std::size_t>(j)],
                       split.answers[i]};
      predictions.push_back({sample.id, sample.prediction});
      references.push_back({sample.id, sample.answers, sample.type});
      evaluation.samples.push_back(std::move(sample));
    }
  }
  if (wasTraining) model->train();
  auto scores = metrics::scoreVqa(predictions, references, options.tokenization);
  if (!scores) return scores.error();
  evaluation.scores = std::move(*scores);
  return evaluation;
}

}  // namespace vimoe::eval
