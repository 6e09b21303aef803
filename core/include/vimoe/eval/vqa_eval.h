// Answering a split's questions with the downstream model (answer classifier or generative
// decoder) and scoring exact match and token F1, overall and per question type.
#pragma once

#include <string>
#include <vector>

#include "vimoe/metrics/vqa_metrics.h"
#include "vimoe/model/generation.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/vqa_data.h"

namespace vimoe::eval {

struct VqaEvalOptions {
  bool generative = false;  // task.vqa_head = generate
  model::GenerationOptions generation;
  int maxQuestions = 0;  // the first N questions; 0 = all
  int batchSize = 64;
  metrics::MetricTokenization tokenization = metrics::MetricTokenization::Syllables;
};

struct VqaSample {
  std::string id;
  std::string imagePath;
  std::string question;
  std::string type;
  std::string prediction;
  std::vector<std::string> answers;
};

struct VqaEvaluation {
  metrics::VqaScores scores;
  std::vector<VqaSample> samples;
};

// Answers for question batches: pixels [B, 3, S, S] in [0, 1], one question each. Classifier:
// the vocabulary's answer with the highest logit; generative: greedy or beam search after
// "<s> question </s>".
std::vector<std::string> answerQuestions(model::VisionLanguageModel& model, const text::Tokenizer& tokenizer,
                                         const train::AnswerVocabulary& vocabulary, const torch::Tensor& pixels,
                                         const std::vector<std::string>& questions, const VqaEvalOptions& options,
                                         int maxTokens);

Expected<VqaEvaluation> evaluateVqa(model::VisionLanguageModel& model, const train::VqaSplit& split,
                                    const text::Tokenizer& tokenizer, const train::AnswerVocabulary& vocabulary,
                                    const VqaEvalOptions& options, int maxTokens);

// The prefix generative answers start from: "<s> question </s>" (question cut to maxTokens).
std::vector<int> questionPrefix(const text::Tokenizer& tokenizer, const std::string& question, int maxTokens);

}  // namespace vimoe::eval
