#include "vimoe/metrics/vqa_metrics.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "metrics/sample_matching.h"

namespace vimoe::metrics {
namespace {

std::string joinTokens(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& token : tokens) out += (out.empty() ? "" : " ") + token;
  return out;
}

double tokenF1(const std::vector<std::string>& prediction, const std::vector<std::string>& reference) {
  if (prediction.empty() && reference.empty()) return 1.0;
  std::unordered_map<std::string, int> remaining;
  for (const std::string& token : reference) ++remaining[token];
  double common = 0;
  for (const std::string& token : prediction) {
    auto it = remaining.find(token);
    if (it != remaining.end() && it->second > 0) {
      --it->second;
      ++common;
    }
  }
  if (common == 0) return 0.0;
  const double precision = common / static_cast<double>(prediction.size());
  const double recall = common / static_cast<double>(reference.size());
  return 2 * precision * recall / (precision + recall);
}

}  // namespace

std::string normalizeAnswer(const std::string& answer, MetricTokenization tokenization) {
  return joinTokens(metricTokens(answer, tokenization));
}

Expected<VqaScores> scoreVqa(const std::vector<VqaPrediction>& predictions, const std::vector<VqaReference>& references,
                             MetricTokenization tokenization) {
  std::vector<std::string> predictionIds, referenceIds;
  for (const VqaPrediction& p : predictions) predictionIds.push_back(p.id);
  for (const VqaReference& r : references) {
    if (r.answers.empty()) return Error{"reference id '" + r.id + "' has no reference answers"};
    referenceIds.push_back(r.id);
  }
  auto matched = detail::matchPredictions(predictionIds, referenceIds);
  if (!matched) return matched.error();

  VqaScores scores;
  scores.tokenization = tokenizationName(tokenization);
  scores.samples = references.size();
  std::map<std::string, VqaTypeScore> byType;  // std::map: sorted by name for free
  for (std::size_t i = 0; i < references.size(); ++i) {
    const VqaReference& ref = references[i];
    const std::vector<std::string> predicted = metricTokens(predictions[(*matched)[i]].answer, tokenization);
    const std::string predictedText = joinTokens(predicted);
    VqaSampleScore sample{ref.id, ref.type.empty() ? "unknown" : ref.type, 0.0, 0.0};
    for (const std::string& answer : ref.answers) {
      const std::vector<std::string> expected = metricTokens(answer, tokenization);
      if (joinTokens(expected) == predictedText) sample.exactMatch = 1.0;
      sample.f1 = std::max(sample.f1, tokenF1(predicted, expected));
    }
    VqaTypeScore& type = byType[sample.type];
    type.type = sample.type;
    ++type.count;
    type.exactMatch += sample.exactMatch;
    type.f1 += sample.f1;
    scores.exactMatch += sample.exactMatch;
    scores.f1 += sample.f1;
    scores.perSample.push_back(std::move(sample));
  }
  scores.exactMatch /= static_cast<double>(scores.samples);
  scores.f1 /= static_cast<double>(scores.samples);
  for (auto& [name, type] : byType) {
    type.exactMatch /= static_cast<double>(type.count);
    type.f1 /= static_cast<double>(type.count);
    scores.byType.push_back(type);
  }
  return scores;
}

}  // namespace vimoe::metrics
