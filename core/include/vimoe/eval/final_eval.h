// The evaluation of a whole split after training, with the model-free baselines beside it:
// what a finished caption or VQA run writes to its eval table, and what `vimoe eval` prints.
// One function per task, used by both, so the numbers of the two can never differ.
#pragma once

#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/eval/caption_eval.h"
#include "vimoe/eval/vqa_eval.h"
#include "vimoe/store/run_store.h"
#include "vimoe/util/expected.h"

namespace vimoe::eval {

struct SplitEvalOptions {
  std::string split = "val";  // the rows' split; the baselines are left out for "train"
  model::GenerationOptions generation;
  metrics::MetricTokenization tokenization = metrics::MetricTokenization::Syllables;
  int maxSamples = 0;  // the first N images (questions) of the split; 0 = all
};

// task.metric_tokenization, syllables when it does not parse (validation reports that).
metrics::MetricTokenization metricTokenizationOf(const config::ExperimentConfig& cfg);
// Decoding as the config says: task.beam_width, task.length_penalty, task.max_length (0 = the
// text length).
model::GenerationOptions configuredGeneration(const config::ExperimentConfig& cfg);

// caption/* rows of `evaluated` and the nearest-neighbour caption baseline (captions of the
// training image closest in pixels).
Expected<std::vector<store::EvalRow>> evaluateCaptionSplit(model::VisionLanguageModel& model,
                                                           const train::ContrastiveSplit& trainSplit,
                                                           const train::ContrastiveSplit& evaluated,
                                                           const text::Tokenizer& tokenizer, const SplitEvalOptions& options);

// vqa/* rows (overall and per question type) of `evaluated` and the majority-answer baselines
// (overall and per question type) learnt from `trainSplit`.
Expected<std::vector<store::EvalRow>> evaluateVqaSplit(model::VisionLanguageModel& model, const train::VqaSplit& trainSplit,
                                                       const train::VqaSplit& evaluated, const text::Tokenizer& tokenizer,
                                                       const train::AnswerVocabulary& vocabulary, bool generative,
                                                       int maxTextTokens, const SplitEvalOptions& options);

}  // namespace vimoe::eval
