#include "vimoe/eval/eval_rows.h"

#include <nlohmann/json.hpp>

namespace vimoe::eval {
namespace {

std::string tokenizationDetails(const std::string& tokenization) {
  return nlohmann::json{{"tokenization", tokenization}}.dump();
}

void addCaptionMetrics(const metrics::CaptionScores& s, const std::string& prefix, const std::string& split,
                       std::vector<store::EvalRow>& rows) {
  const auto details = tokenizationDetails(s.tokenization);
  for (int n = 0; n < 4; ++n) rows.push_back({split, prefix + "bleu" + std::to_string(n + 1), s.bleu[n], details});
  rows.push_back({split, prefix + "rouge_l", s.rougeL, details});
  rows.push_back({split, prefix + "cider_d", s.ciderD, details});
}

void addVqaMetrics(const metrics::VqaScores& s, const std::string& prefix, const std::string& split,
                   std::vector<store::EvalRow>& rows) {
  const auto details = tokenizationDetails(s.tokenization);
  rows.push_back({split, prefix + "exact_match", s.exactMatch, details});
  rows.push_back({split, prefix + "f1", s.f1, details});
  for (const auto& type : s.byType) {
    const auto typed = nlohmann::json{{"tokenization", s.tokenization}, {"count", type.count}}.dump();
    rows.push_back({split, prefix + "exact_match/" + type.type, type.exactMatch, typed});
    rows.push_back({split, prefix + "f1/" + type.type, type.f1, typed});
  }
}

}  // namespace

std::vector<store::EvalRow> captionEvalRows(const CaptionEvaluation& evaluation, const std::string& split) {
  std::vector<store::EvalRow> rows;
  addCaptionMetrics(evaluation.scores, "caption/", split, rows);
  nlohmann::json samples = nlohmann::json::array();
  for (std::size_t i = 0; i < evaluation.samples.size(); ++i) {
    const auto& sample = evaluation.samples[i];
    const auto& score = evaluation.scores.perSample[i];
    samples.push_back({{"id", sample.id},
                       {"image", sample.imagePath},
                       {"prediction", sample.prediction},
                       {"references", sample.references},
                       {"cider_d", score.ciderD},
                       {"bleu4", score.bleu4},
                       {"rouge_l", score.rougeL}});
  }
  for (auto& row : rows)
    if (row.metric == "caption/cider_d")
      row.detailsJson = nlohmann::json{{"tokenization", evaluation.scores.tokenization}, {"samples", samples}}.dump();
  return rows;
}

std::vector<store::EvalRow> vqaEvalRows(const VqaEvaluation& evaluation, const std::string& split) {
  std::vector<store::EvalRow> rows;
  addVqaMetrics(evaluation.scores, "vqa/", split, rows);
  nlohmann::json samples = nlohmann::json::array();
  for (std::size_t i = 0; i < evaluation.samples.size(); ++i) {
    const auto& sample = evaluation.samples[i];
    const auto& score = evaluation.scores.perSample[i];
    samples.push_back({{"id", sample.id},
                       {"image", sample.imagePath},
                       {"question", sample.question},
                       {"type", sample.type},
                       {"prediction", sample.prediction},
                       {"answers", sample.answers},
                       {"exact_match", score.exactMatch},
                       {"f1", score.f1}});
  }
  for (auto& row : rows)
    if (row.metric == "vqa/exact_match")
      row.detailsJson = nlohmann::json{{"tokenization", evaluation.scores.tokenization}, {"samples", samples}}.dump();
  return rows;
}

std::vector<store::EvalRow> captionBaselineRows(const metrics::CaptionScores& scores, const std::string& name,
                                                const std::string& split) {
  std::vector<store::EvalRow> rows;
  addCaptionMetrics(scores, "baseline/" + name + "/", split, rows);
  return rows;
}

std::vector<store::EvalRow> vqaBaselineRows(const metrics::VqaScores& scores, const std::string& name,
                                            const std::string& split) {
  std::vector<store::EvalRow> rows;
  addVqaMetrics(scores, "baseline/" + name + "/", split, rows);
  return rows;
}

}  // namespace vimoe::eval
