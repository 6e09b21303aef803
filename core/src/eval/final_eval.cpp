#include "vimoe/eval/final_eval.h"

#include "vimoe/eval/baselines.h"
#include "vimoe/eval/eval_rows.h"

namespace vimoe::eval {

metrics::MetricTokenization metricTokenizationOf(const config::ExperimentConfig& cfg) {
  metrics::MetricTokenization t = metrics::MetricTokenization::Syllables;
  metrics::parseTokenization(cfg.task.metric_tokenization, t);
  return t;
}

model::GenerationOptions configuredGeneration(const config::ExperimentConfig& cfg) {
  model::GenerationOptions g;
  g.beamWidth = cfg.task.beam_width;
  g.lengthPenalty = cfg.task.length_penalty;
  g.maxLength = cfg.task.max_length > 0 ? cfg.task.max_length : cfg.data.max_text_tokens;
  return g;
}

Expected<std::vector<store::EvalRow>> evaluateCaptionSplit(model::VisionLanguageModel& model,
                                                           const train::ContrastiveSplit& trainSplit,
                                                           const train::ContrastiveSplit& evaluated,
                                                           const text::Tokenizer& tokenizer, const SplitEvalOptions& options) {
  CaptionEvalOptions o;
  o.generation = options.generation;
  o.maxImages = options.maxSamples;
  o.tokenization = options.tokenization;
  auto result = evaluateCaptioning(model, evaluated, tokenizer, o);
  if (!result) return result.error();
  auto rows = captionEvalRows(*result, options.split);
  if (options.split == "train") return rows;
  std::vector<metrics::CaptionReferences> refs;
  for (const auto& s : result->samples) refs.push_back({s.id, s.references});
  auto nn = metrics::scoreCaptions(nearestNeighbourCaptions(trainSplit, evaluated, options.maxSamples), refs, o.tokenization);
  if (!nn) return nn.error();
  for (auto& r : captionBaselineRows(*nn, "nn_caption", options.split)) rows.push_back(std::move(r));
  return rows;
}

Expected<std::vector<store::EvalRow>> evaluateVqaSplit(model::VisionLanguageModel& model, const train::VqaSplit& trainSplit,
                                                       const train::VqaSplit& evaluated, const text::Tokenizer& tokenizer,
                                                       const train::AnswerVocabulary& vocabulary, bool generative,
                                                       int maxTextTokens, const SplitEvalOptions& options) {
  VqaEvalOptions o;
  o.generative = generative;
  o.generation = options.generation;
  o.maxQuestions = options.maxSamples;
  o.tokenization = options.tokenization;
  auto result = evaluateVqa(model, evaluated, tokenizer, vocabulary, o, maxTextTokens);
  if (!result) return result.error();
  auto rows = vqaEvalRows(*result, options.split);
  if (options.split == "train") return rows;
  std::vector<metrics::VqaReference> refs;
  for (const auto& s : result->samples) refs.push_back({s.id, s.answers, s.type});
  for (bool perType : {false, true}) {
    auto scores = metrics::scoreVqa(majorityAnswers(trainSplit, evaluated, perType, options.maxSamples), refs, o.tokenization);
    if (!scores) return scores.error();
    for (auto& r : vqaBaselineRows(*scores, perType ? "majority_per_type" : "majority", options.split))
      rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace vimoe::eval
