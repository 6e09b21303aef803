// Token-choice top-k Mixture-of-Experts FFN (Switch / GShard style).
//
// Dispatch has no per-token loop: each (token, choice) gets a slot in its expert's buffer by a
// cumulative sum over the one-hot choices (first choices of all tokens before any second
// choice, so second choices are dropped first), tokens are gathered into an [E, C, W] buffer,
// the experts run as two batched matrix products, and the outputs are scattered back weighted
// by their gates. Tokens over capacity get no expert output; the block's residual carries them.
#pragma once

#include <torch/torch.h>

#include <string>

#include "vimoe/config/experiment_config.h"

namespace vimoe::model {

enum class Modality { Image = 0, Text = 1 };

// Auxiliary router losses of one forward pass, summed over MoE layers. Unweighted; the
// trainer applies the weights from LossConfig.
struct AuxLosses {
  torch::Tensor loadBalance;  // Switch: E * sum_i f_i P_i; 1.0 when perfectly balanced
  torch::Tensor zLoss;        // mean (logsumexp logits)^2
  int layers = 0;

  void add(const torch::Tensor& lb, const torch::Tensor& z);
  // Means over layers (a model with no MoE layer gives zeros).
  torch::Tensor meanLoadBalance() const;
  torch::Tensor meanZLoss() const;
};

// Routing statistics accumulated over training steps (no gradient), read and reset by the
// trainer when it writes expert_load rows.
struct ExpertLoadAccumulator {
  torch::Tensor routed;    // [E] (token, choice) pairs that picked the expert
  torch::Tensor kept;      // [E] of those within capacity
  torch::Tensor gateSum;   // [E] sum over tokens of the router probability
  torch::Tensor byModality;  // [2, E] routed pairs per modality (image, text)
  double tokens = 0;       // real tokens seen
  void reset(int experts);
};

class MoeLayerImpl : public torch::nn::Module {
 public:
  MoeLayerImpl(int width, int hidden, const config::MoeConfig& moe, Modality modality);

  // x: [B, S, W]; valid: [B, S] bool or undefined. Adds this layer's aux losses to `aux`.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& valid, AuxLosses& aux);

  int experts() const { return m_experts; }
  int topK() const { return m_topK; }
  // Capacity per expert for `tokens` routed tokens (0 factor = dropless: every token fits).
  std::int64_t capacity(std::int64_t tokens, std::int64_t maxLoad) const;

  ExpertLoadAccumulator& stats() { return m_stats; }

  torch::nn::Linear router{nullptr};
  // Expert weights stacked for batched matmuls: w1 [E, W, H], b1 [E, H], w2 [E, H, W], b2 [E, W].
  torch::Tensor w1, b1, w2, b2;

 private:
  int m_experts;
  int m_topK;
  bool m_renormalize;
  double m_capacityTrain;
  double m_capacityEval;
  Modality m_modality;
  ExpertLoadAccumulator m_stats;
};
TORCH_MODULE(MoeLayer);

}  // namespace vimoe::model
