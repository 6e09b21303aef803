// The attacked model, seen by the attacks as one function of the pixels. Puigcerver et al.
// (REFERENCES.md section 6): inputs in [0, 1] with the normalisation inside the model, the model
// in eval mode, and a model returning several things wrapped so that the attack sees logits.
#pragma once

#include <torch/torch.h>

#include <functional>

namespace vimoe::robust {

struct TargetOutput {
  torch::Tensor logits;      // [B, C] class logits (zero-shot classes, VQA answers), or undefined
  torch::Tensor sampleLoss;  // [B] when there are no logits: the loss to raise (caption NLL)
  torch::Tensor auxLoss;     // 0-dim: mean router load-balancing loss of this pass (0 when dense)
};

// pixels [B, 3, S, S] in [0, 1] -> output, differentiable in the pixels.
using Target = std::function<TargetOutput(const torch::Tensor& pixels)>;

enum class AttackLoss { CrossEntropy, Dlr };
const char* attackLossName(AttackLoss loss);

// Croce & Hein's difference of logits ratio, per sample:
//   -(z_y - max_{i != y} z_i) / (z_pi1 - z_pi3 + 1e-12), pi = logits sorted descending.
// Needs at least three classes.
torch::Tensor dlrLoss(const torch::Tensor& logits, const torch::Tensor& labels);

// What an attack maximises, per sample [B]: the task loss (CE or DLR of `labels`; the sample
// loss when there are no logits) plus `auxWeight` times the router's auxiliary loss (the
// aux-loss attack of the paper; the batch's aux loss is shared by its samples).
torch::Tensor attackObjective(const TargetOutput& out, const torch::Tensor& labels, AttackLoss loss, double auxWeight);

// Samples the prediction gets wrong ([B] bool); all false without logits.
torch::Tensor misclassified(const TargetOutput& out, const torch::Tensor& labels);

}  // namespace vimoe::robust
