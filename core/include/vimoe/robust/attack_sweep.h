// An eps sweep of one attack on one checkpoint's evaluation set: per eps the task metric before
// and after, the prediction-change rate, and per MoE layer the routing change rate; plus a few
// examples (pixels, predictions, top-1 experts per token before and after) for the viewer.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/robust/attack_targets.h"
#include "vimoe/util/cancel.h"
#include "vimoe/util/expected.h"
#include "vimoe/util/progress.h"

namespace vimoe::robust {

struct AttackSpec {
  std::string attack = "pgd";        // fgsm | pgd | apgd
  std::vector<double> eps;           // radii on [0, 1] pixels
  std::vector<std::string> epsText;  // as written ("2/255"), for tables; same length as eps
  int steps = 0;                     // 0: PGD 40 (the paper's), APGD 100
  double stepSize = 0;               // PGD; 0 = eps / steps
  bool randomStart = false;          // PGD
  AttackLoss loss = AttackLoss::CrossEntropy;
  int restarts = 1;                  // APGD
  bool auxLoss = false;              // maximise task loss + auxWeight * router aux loss
  double auxWeight = 1.0;
  int batchSize = 64;
  std::uint64_t seed = 0;
  int examples = 4;                  // first samples kept for the example viewer
};

struct LayerRoutingChange {
  std::string layer;
  double rate = 0;  // 1 - mean IoU of the selected-expert sets
};

struct EpsResult {
  double eps = 0;
  std::string epsText;
  double cleanMetric = 0, adversarialMetric = 0;  // accuracy; caption: mean NLL
  double predictionChange = 0;                     // share of samples whose top-1 changed
  double cleanLoss = 0, adversarialLoss = 0;       // mean attack objective (task loss)
  double cleanAux = 0, adversarialAux = 0;         // mean router load-balancing loss
  std::vector<LayerRoutingChange> routing;         // per MoE layer, in the model's order
  double meanRoutingChange = 0;
  double seconds = 0;
};

struct ExampleView {
  int sample = 0;
  double eps = 0;
  std::string prompt;  // the question (vqa) or reference caption (caption)
  std::string truth, cleanPrediction, adversarialPrediction;  // label names ("" for caption)
  double cleanConfidence = 0, adversarialConfidence = 0;      // softmax of the prediction
  torch::Tensor clean, adversarial;                           // [3, S, S] float in [0, 1], CPU
  // Per MoE layer of the image tower: top-1 expert of every image token, before and after.
  std::vector<std::string> layers;
  std::vector<std::vector<int>> expertsBefore, expertsAfter;
};

struct SweepResult {
  std::string checkpointDir, task, attack, metric;  // metric: accuracy | nll
  std::int64_t samples = 0;
  std::vector<std::string> layers;
  std::vector<EpsResult> rows;
  std::vector<ExampleView> examples;  // spec.examples per eps
  double seconds = 0;
  bool cancelled = false;
};

Expected<SweepResult> runAttackSweep(const AttackSet& set, const AttackSpec& spec, ProgressObserver& progress,
                                     const CancelToken& cancel);

// Markdown: one row per eps with metric before/after, prediction change, mean routing change
// and one column per MoE layer.
std::string formatSweepTable(const SweepResult& result);

}  // namespace vimoe::robust
