// Applies a per-layer compression plan to a model: each catalogued matrix is either kept or
// replaced by the reconstruction W_hat of its factorisation, so the model runs (and saves, and
// loads) exactly as before while computing the factorised function. Factorisations are cached
// per (matrix, method, rank): an RL episode that revisits a choice costs a tensor copy.
#pragma once

#include <torch/torch.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "vimoe/compress/factorize.h"
#include "vimoe/compress/weight_catalog.h"

namespace vimoe::compress {

struct LayerChoice {
  Method method = Method::Dense;
  std::int64_t rank = 0;  // 0 with Dense
  bool dense() const { return method == Method::Dense || rank <= 0; }
};
using Plan = std::vector<LayerChoice>;  // one per slot, in catalog order

struct LayerOutcome {
  std::size_t slot = 0;  // index into slots()
  LayerChoice choice;
  CostCounts before, after;
  double relativeError = 0;
};

class ModelCompressor {
 public:
  ModelCompressor(torch::nn::Module& model, std::vector<WeightSlot> slots, FactorizeOptions options = {});

  const std::vector<WeightSlot>& slots() const { return m_slots; }
  const torch::Tensor& original(std::size_t slot) const { return m_originals.at(slot); }
  // ASVD column scales by slot name (activation_stats.h), raised to `alpha` (ASVD uses 0.5).
  void setActivationScales(const std::map<std::string, torch::Tensor>& meanAbs, double alpha = 0.5);
  bool hasActivationScales() const { return !m_scales.empty(); }

  const Factorization& factorization(std::size_t slot, const LayerChoice& choice);
  // Cumulative singular-value energy of a slot (cached).
  const torch::Tensor& energy(std::size_t slot);

  // Writes the plan's matrices into the model (kept layers get their original back).
  void apply(const Plan& plan);
  void restore();

  CostCounts layerCost(std::size_t slot, const LayerChoice& choice) const;
  CostCounts denseCost() const;  // of the catalogued matrices
  CostCounts planCost(const Plan& plan) const;
  double sizeRatio(const Plan& plan) const;  // parameters after / before, catalogued matrices
  std::vector<LayerOutcome> describe(const Plan& plan);
  Plan densePlan() const { return Plan(m_slots.size()); }

 private:
  torch::nn::Module& m_model;
  std::vector<WeightSlot> m_slots;
  FactorizeOptions m_options;
  std::vector<torch::Tensor> m_originals;
  std::map<std::string, torch::Tensor> m_scales;
  std::map<std::tuple<std::size_t, int, std::int64_t>, Factorization> m_cache;
  std::map<std::size_t, torch::Tensor> m_energy;
};

// "svd:12,dense,cur:5,..." : a key for caching evaluations of a plan.
std::string planKey(const Plan& plan);

}  // namespace vimoe::compress
