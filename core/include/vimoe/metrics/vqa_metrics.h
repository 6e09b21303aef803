// VQA metrics for the Vietnamese sets (OpenViVQA, EVJVQA, ViTextVQA, ViOCRVQA): they have one or
// a few answers per question, so VQAv2's 10-annotator accuracy min(#humans agreeing / 3, 1) does
// not apply (REFERENCES.md section 5). We report exact match after normalisation and SQuAD-style
// token F1, each the best over the question's reference answers.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "vimoe/metrics/metric_tokens.h"
#include "vimoe/util/expected.h"

namespace vimoe::metrics {

struct VqaPrediction {
  std::string id;
  std::string answer;
};

struct VqaReference {
  std::string id;
  std::vector<std::string> answers;  // at least one
  std::string type;                  // question type; empty counts as "unknown"
};

struct VqaSampleScore {
  std::string id;
  std::string type;
  double exactMatch = 0;  // 0 or 1
  double f1 = 0;
};

// "Accuracy per question type" in the papers is this exactMatch per type.
struct VqaTypeScore {
  std::string type;
  std::size_t count = 0;
  double exactMatch = 0;
  double f1 = 0;
};

struct VqaScores {
  double exactMatch = 0;  // mean over questions, in [0, 1]
  double f1 = 0;
  std::string tokenization;  // tokenizationName(): F1 counts these tokens
  std::size_t samples = 0;
  std::vector<VqaTypeScore> byType;       // sorted by type name
  std::vector<VqaSampleScore> perSample;  // in the order of the references
};

// NFC, one tone-mark style, lower case, punctuation removed, spaces collapsed and trimmed:
// "  Màu Đỏ. " -> "màu đỏ". With Syllables, '_' is a space too, so a segmented reference
// ("phụ_nữ") matches an unsegmented answer ("phụ nữ").
std::string normalizeAnswer(const std::string& answer, MetricTokenization tokenization = MetricTokenization::Syllables);

// Exact match compares normalizeAnswer() strings; F1 the bags of metricTokens() (common =
// multiset intersection, P = common / |prediction|, R = common / |reference|, 0 when nothing is
// common, 1 when both are empty). Ids are matched as for scoreCaptions.
Expected<VqaScores> scoreVqa(const std::vector<VqaPrediction>& predictions, const std::vector<VqaReference>& references,
                             MetricTokenization tokenization);

}  // namespace vimoe::metrics
