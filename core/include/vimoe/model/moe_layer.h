// Mixture-of-Experts FFN: a router (routing.h) assigns tokens to experts, the experts run as
// batched matrix products over an [E, C, W] buffer, and their outputs are scattered back
// weighted by the gates. Tokens an expert has no room for get no output from it; the block's
// residual carries them. Optional: an always-on shared expert (DeepSeekMoE) and a per-expert
// selection bias updated from the load instead of an auxiliary loss (DeepSeek-V3).
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/aux_losses.h"
#include "vimoe/model/feed_forward.h"
#include "vimoe/model/routing.h"

namespace vimoe::model {

// Routing statistics accumulated over training steps (no gradient), read and reset by the
// trainer when it writes expert_load rows.
struct ExpertLoadAccumulator {
  torch::Tensor routed;      // [E] assignments each expert was asked for
  torch::Tensor kept;        // [E] of those within capacity
  torch::Tensor gateSum;     // [E] sum over tokens of the router probability
  torch::Tensor byModality;  // [2, E] requested assignments per modality (image, text)
  torch::Tensor droppedByChoice;  // [k] token choice: dropped first, second... choices; [1] expert choice: unrouted tokens
  double entropySum = 0;     // sum over tokens of the router entropy (nats)
  double tokens = 0;         // real tokens seen
  void reset(int experts, int choices);
};

// What one layer routed in one forward call, captured for routing snapshots of the probe set.
struct RoutingCapture {
  int layer = 0;
  Modality modality = Modality::Image;
  std::vector<std::int64_t> shape;  // [B, S] of the call
  torch::Tensor experts, gates, kept;  // [B*S, k]
  // Only with setCapture(..., withInputs = true) (Lipschitz analysis): the layer's input rows
  // [B*S, W] and its full router probabilities [B*S, E], detached.
  torch::Tensor inputs, probs;
};

class MoeLayerImpl : public torch::nn::Module {
 public:
  MoeLayerImpl(int width, int hidden, const config::MoeConfig& moe, Activation activation = Activation::Gelu);

  // x: [B, S, W]; valid: [B, S] bool or undefined. Adds this layer's aux losses to `aux`.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& valid, Modality modality, AuxLosses& aux);

  int experts() const { return m_experts; }
  int topK() const { return m_topK; }
  RouterKind routerKind() const { return m_router; }
  bool hasSharedExpert() const { return !shared.is_empty(); }
  // Capacity per expert for `tokens` real tokens (0 factor = dropless: every token fits).
  std::int64_t capacity(std::int64_t tokens, std::int64_t maxLoad) const;

  // Position in ClipModel::moeLayers(); tags aux losses and captures.
  void setLayerIndex(int index) { m_layerIndex = index; }
  int layerIndex() const { return m_layerIndex; }
  // While set (eval of the probe set), every forward call appends what it routed.
  void setCapture(std::vector<RoutingCapture>* capture, bool withInputs = false) {
    m_capture = capture;
    m_captureInputs = withInputs;
  }

  ExpertLoadAccumulator& stats() { return m_stats; }
  // Parameters of one expert (w1, b1, w2, b2 slices): for active-parameter counts.
  std::int64_t parametersPerExpert() const;

  torch::nn::Linear router{nullptr};
  // Expert weights stacked for batched matmuls: w1 [E, W, H], b1 [E, H], w2 [E, H, W], b2 [E, W].
  torch::Tensor w1, b1, w2, b2;
  torch::Tensor selectionBias;  // [E] buffer, defined only with aux-loss-free balancing
  FeedForward shared{nullptr};  // always-on expert, when configured

 private:
  torch::Tensor runExperts(const torch::Tensor& flat, const RoutingPlan& plan) const;
  void updateSelectionBias(const RoutingPlan& plan);
  void accumulate(const RoutingPlan& plan, const torch::Tensor& validF, Modality modality, double realTokens);

  Activation m_activation;
  int m_experts;
  int m_topK;
  RouterKind m_router;
  bool m_renormalize;
  double m_capacityTrain;
  double m_capacityEval;
  double m_noiseStd;
  double m_biasRate;
  int m_layerIndex = 0;
  std::vector<RoutingCapture>* m_capture = nullptr;
  bool m_captureInputs = false;
  ExpertLoadAccumulator m_stats;
};
TORCH_MODULE(MoeLayer);

}  // namespace vimoe::model
