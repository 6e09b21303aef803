#include "vimoe/compress/model_compressor.h"

#include <stdexcept>

namespace vimoe::compress {

ModelCompressor::ModelCompressor(torch::nn::Module& model, std::vector<WeightSlot> slots, FactorizeOptions options)
    : m_model(model), m_slots(std::move(slots)), m_options(std::move(options)) {
  for (const auto& s : m_slots) m_originals.push_back(readMatrix(m_model, s));
}

void ModelCompressor::setActivationScales(const std::map<std::string, torch::Tensor>& meanAbs, double alpha) {
  m_scales.clear();
  for (const auto& [name, v] : meanAbs) m_scales[name] = v.to(torch::kFloat64).clamp_min(1e-8).pow(alpha);
  // Cached ASVD factorisations were computed with other scales.
  for (auto it = m_cache.begin(); it != m_cache.end();)
    it = std::get<1>(it->first) == static_cast<int>(Method::Asvd) ? m_cache.erase(it) : std::next(it);
}

const Factorization& ModelCompressor::factorization(std::size_t slot, const LayerChoice& choice) {
  const Method method = choice.dense() ? Method::Dense : choice.method;
  const auto key = std::make_tuple(slot, static_cast<int>(method), choice.dense() ? std::int64_t(0) : choice.rank);
  auto it = m_cache.find(key);
  if (it != m_cache.end()) return it->second;
  FactorizeOptions options = m_options;
  options.seed = m_options.seed + 7919ULL * slot;
  if (method == Method::Asvd) {
    auto scale = m_scales.find(m_slots.at(slot).name);
    if (scale != m_scales.end()) options.columnScale = scale->second;
  }
  return m_cache.emplace(key, factorize(method, m_originals.at(slot), choice.rank, options)).first->second;
}

const torch::Tensor& ModelCompressor::energy(std::size_t slot) {
  auto it = m_energy.find(slot);
  if (it == m_energy.end()) it = m_energy.emplace(slot, cumulativeEnergy(m_originals.at(slot))).first;
  return it->second;
}

void ModelCompressor::apply(const Plan& plan) {
  if (plan.size() != m_slots.size()) throw std::invalid_argument("plan has " + std::to_string(plan.size()) + " layers, model " +
                                                                  std::to_string(m_slots.size()));
  for (std::size_t i = 0; i < m_slots.size(); ++i)
    writeMatrix(m_model, m_slots[i], plan[i].dense() ? m_originals[i] : factorization(i, plan[i]).reconstruct());
}

void ModelCompressor::restore() {
  for (std::size_t i = 0; i < m_slots.size(); ++i) writeMatrix(m_model, m_slots[i], m_originals[i]);
}

CostCounts ModelCompressor::layerCost(std::size_t slot, const LayerChoice& choice) const {
  const auto& s = m_slots.at(slot);
  return choice.dense() ? compress::denseCost(s.rows, s.cols) : methodCost(choice.method, s.rows, s.cols, choice.rank);
}

CostCounts ModelCompressor::denseCost() const {
  CostCounts total;
  for (const auto& s : m_slots) total += compress::denseCost(s.rows, s.cols);
  return total;
}

CostCounts ModelCompressor::planCost(const Plan& plan) const {
  CostCounts total;
  for (std::size_t i = 0; i < m_slots.size(); ++i) total += layerCost(i, i < plan.size() ? plan[i] : LayerChoice{});
  return total;
}

double ModelCompressor::sizeRatio(const Plan& plan) const {
  const auto dense = denseCost().params;
  return dense > 0 ? double(planCost(plan).params) / double(dense) : 1.0;
}

std::vector<LayerOutcome> ModelCompressor::describe(const Plan& plan) {
  std::vector<LayerOutcome> out;
  for (std::size_t i = 0; i < m_slots.size(); ++i) {
    LayerOutcome o;
    o.slot = i;
    o.choice = plan.at(i);
    o.before = compress::denseCost(m_slots[i].rows, m_slots[i].cols);
    o.after = layerCost(i, plan[i]);
    o.relativeError = plan[i].dense() ? 0.0 : factorization(i, plan[i]).relativeError;
    out.push_back(o);
  }
  return out;
}

std::string planKey(const Plan& plan) {
  std::string key;
  for (const auto& c : plan) {
    if (!key.empty()) key += ',';
    key += c.dense() ? std::string("dense") : std::string(methodName(c.method)) + ":" + std::to_string(c.rank);
  }
  return key;
}

}  // namespace vimoe::compress
