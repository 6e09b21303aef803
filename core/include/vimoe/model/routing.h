// Routers: from router logits to the (token, expert, slot, gate) assignments the MoE layer
// dispatches. All routers run without per-token loops (sorting, top-k and cumulative sums).
//
//   top_k           token choice: softmax, each token picks its k best experts; slots are given
//                   first choices first (all tokens), then second choices, so second choices
//                   are dropped first when an expert is full (GShard / Switch).
//   noisy_top_k     as top_k with Gaussian noise on the logits while training (Shazeer et al.;
//                   V-MoE uses sigma = 1/E); enables the load loss.
//   batch_priority  as top_k but within each choice tokens are served in order of their top
//                   gate, so low-confidence tokens are the ones dropped (V-MoE's BPR).
//   expert_choice   each expert takes its C best tokens by router probability (Zhou et al.
//                   2022); a token may get 0..E experts, capacity is never exceeded.
#pragma once

#include <torch/torch.h>

#include <string>

namespace vimoe::model {

enum class RouterKind { TopK, NoisyTopK, BatchPriority, ExpertChoice };
RouterKind routerKindFromName(const std::string& name);  // names as in MoeConfig::router
bool isTokenChoice(RouterKind kind);

struct RoutingRequest {
  torch::Tensor logits;         // [N, E] clean router logits
  torch::Tensor valid;          // [N] bool: padding tokens are never routed
  torch::Tensor selectionBias;  // [E] added to logits for choosing experts only, or undefined
  int topK = 1;
  double capacityFactor = 0;    // <= 0: dropless (token choice); expert choice uses topK then
  bool renormalize = true;      // token choice: gates renormalised over the chosen k
  double noiseStd = 0;          // noisy_top_k while training; 0 = no noise
};

struct RoutingPlan {
  // Kept assignments, one entry per (token, expert) pair that the expert will process.
  torch::Tensor token;   // [P] int64
  torch::Tensor expert;  // [P] int64
  torch::Tensor slot;    // [P] int64, expert * capacity + position: row in the [E * C] buffer
  torch::Tensor gate;    // [P] float, differentiable
  std::int64_t capacity = 0;

  torch::Tensor probs;          // [N, E] router probabilities of the clean logits
  torch::Tensor noisyLogits;    // [N, E] logits used for selection (noise included), for the load loss
  torch::Tensor firstChoice;    // [N] int64 each token's preferred expert (for the Switch loss)
  torch::Tensor requested;      // [E] float64 assignments each expert was asked for (before capacity)
  torch::Tensor kept;           // [E] float64 assignments within capacity
  torch::Tensor droppedByChoice;  // [k] float64 token choice: dropped first, second, ... choices
  // Per token, for routing snapshots: the experts it asked for (token choice: its k choices;
  // expert choice: its k most probable experts) with their gates, and whether each was kept.
  torch::Tensor tokenExperts;  // [N, k] int64
  torch::Tensor tokenGates;    // [N, k] float
  torch::Tensor tokenKept;     // [N, k] bool
};

// Capacity per expert: ceil(factor * k * T / E) for token choice, ceil(factor * T / E) for expert
// choice (factor <= 0: the largest requested load, or k for expert choice); at least 1.
std::int64_t expertCapacity(RouterKind kind, double factor, int topK, std::int64_t tokens, int experts,
                            std::int64_t largestLoad);

RoutingPlan route(RouterKind kind, const RoutingRequest& request);

}  // namespace vimoe::model
