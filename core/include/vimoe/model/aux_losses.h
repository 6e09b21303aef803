// Router auxiliary losses as plain functions of router probabilities, so each can be checked by
// hand (tests/core/model/aux_losses_test.cpp) and logged per layer. REFERENCES.md section 1 has
// the sources. Every function takes `valid` ([N] float, 1 = real token) so padding never counts.
#pragma once

#include <torch/torch.h>

#include <vector>

#include "vimoe/config/experiment_config.h"

namespace vimoe::model {

enum class Modality { Image = 0, Text = 1 };
const char* modalityName(Modality modality);

// Switch Transformer: E * sum_i f_i * P_i with f_i the share of real tokens whose first choice
// is expert i (no gradient) and P_i the mean router probability. 1.0 when perfectly balanced.
torch::Tensor switchLoadBalanceLoss(const torch::Tensor& probs, const torch::Tensor& firstChoice,
                                    const torch::Tensor& valid);

// Shazeer et al.: CV(sum_x p(x))^2 over experts, population std. 0 when balanced.
torch::Tensor importanceLoss(const torch::Tensor& probs, const torch::Tensor& valid);

// Shazeer et al. load loss for noisy top-k: P(x, i) = Phi((clean_i - threshold_i) / sigma), the
// probability that expert i stays selected under fresh noise on its own logit, where the
// threshold is the k-th largest noisy logit of the other experts (the (k+1)-th overall when i is
// selected, the k-th otherwise). Loss = CV(mean_x P(x, .))^2.
torch::Tensor noisyLoadLoss(const torch::Tensor& cleanLogits, const torch::Tensor& noisyLogits, int topK, double noiseStd,
                            const torch::Tensor& valid);

// ST-MoE router z-loss: mean over tokens of logsumexp(logits)^2.
torch::Tensor routerZLoss(const torch::Tensor& logits, const torch::Tensor& valid);

// LIMoE local entropy: mean over tokens of H(p(x)) in nats. Minimised: confident routing.
torch::Tensor localEntropy(const torch::Tensor& probs, const torch::Tensor& valid);
// Entropy H(mean_x p(x)) of the average routing distribution, in nats. LIMoE's global loss is
// max(0, log S - this); see globalEntropyLoss.
torch::Tensor globalEntropy(const torch::Tensor& probs, const torch::Tensor& valid);
torch::Tensor globalEntropyLoss(const torch::Tensor& globalEntropyNats, double minExperts);

// One MoE layer's losses for one forward call (one modality). Unweighted.
struct LayerAux {
  int layer = 0;  // index into ClipModel::moeLayers()
  Modality modality = Modality::Image;
  torch::Tensor loadBalance, importance, load /* undefined unless noisy */, zLoss, entropyLocal, entropyGlobal;
};

// The aux losses of one forward pass over all MoE layers, in call order.
struct AuxLosses {
  std::vector<LayerAux> entries;
  int layers = 0;  // entries.size(), kept as a field for brevity at call sites

  void add(LayerAux entry);
  // Means over entries (zeros when the model has no MoE layer).
  torch::Tensor meanLoadBalance() const;
  torch::Tensor meanZLoss() const;
  // Sum of the weighted losses, each averaged over entries: what the trainer adds to the task loss.
  torch::Tensor weightedTotal(const config::LossConfig& weights) const;
};

}  // namespace vimoe::model
