// Score files for scripts and for the run store: the tokenisation label travels with the numbers.
#include <nlohmann/json.hpp>

#include "vimoe/metrics/metric_json.h"

namespace vimoe::metrics {

using nlohmann::ordered_json;

ordered_json captionScoresJson(const CaptionScores& scores, bool perSample) {
  ordered_json out = {{"task", "caption"},         {"tokenization", scores.tokenization},
                      {"samples", scores.samples}, {"bleu_1", scores.bleu[0]},
                      {"bleu_2", scores.bleu[1]},  {"bleu_3", scores.bleu[2]},
                      {"bleu_4", scores.bleu[3]},  {"rouge_l", scores.rougeL},
                      {"cider_d", scores.ciderD}};
  if (perSample) {
    ordered_json rows = ordered_json::array();
    for (const CaptionSampleScore& s : scores.perSample)
      rows.push_back({{"id", s.id}, {"bleu_4_smoothed", s.bleu4}, {"rouge_l", s.rougeL}, {"cider_d", s.ciderD}});
    out["per_sample"] = std::move(rows);
  }
  return out;
}

ordered_json vqaScoresJson(const VqaScores& scores, bool perSample) {
  ordered_json types = ordered_json::array();
  for (const VqaTypeScore& t : scores.byType)
    types.push_back({{"type", t.type}, {"count", t.count}, {"exact_match", t.exactMatch}, {"f1", t.f1}});
  ordered_json out = {{"task", "vqa"},
                      {"tokenization", scores.tokenization},
                      {"samples", scores.samples},
                      {"exact_match", scores.exactMatch},
                      {"f1", scores.f1},
                      {"by_type", std::move(types)}};
  if (perSample) {
    ordered_json rows = ordered_json::array();
    for (const VqaSampleScore& s : scores.perSample)
      rows.push_back({{"id", s.id}, {"type", s.type}, {"exact_match", s.exactMatch}, {"f1", s.f1}});
    out["per_sample"] = std::move(rows);
  }
  return out;
}

}  // namespace vimoe::metrics
