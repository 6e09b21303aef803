// Downstream results as rows of the store's eval table (split, metric, value, details JSON).
// Metric names:
//   caption/bleu1..bleu4, caption/rouge_l, caption/cider_d
//   vqa/exact_match, vqa/f1, vqa/exact_match/<type>, vqa/f1/<type>
//   retrieval/r1_i2t, ... (from the contrastive evaluation)
//   baseline/nn_caption/<metric>, baseline/majority/<metric>, baseline/majority_per_type/<metric>
// Every row's details carry {"tokenization": ...}; the headline row (caption/cider_d,
// vqa/exact_match) also carries "samples": one object per evaluated sample with its
// prediction, references and scores, so the workbench can list the best and worst examples.
#pragma once

#include <string>
#include <vector>

#include "vimoe/eval/caption_eval.h"
#include "vimoe/eval/vqa_eval.h"
#include "vimoe/store/run_store.h"

namespace vimoe::eval {

std::vector<store::EvalRow> captionEvalRows(const CaptionEvaluation& evaluation, const std::string& split);
std::vector<store::EvalRow> vqaEvalRows(const VqaEvaluation& evaluation, const std::string& split);
// Scores of a baseline's predictions, under baseline/<name>/...
std::vector<store::EvalRow> captionBaselineRows(const metrics::CaptionScores& scores, const std::string& name,
                                                const std::string& split);
std::vector<store::EvalRow> vqaBaselineRows(const metrics::VqaScores& scores, const std::string& name,
                                            const std::string& split);

}  // namespace vimoe::eval
