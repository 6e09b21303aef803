#include "vimoe/compress/compression_env.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace vimoe::compress {
namespace {

double energyAt(const torch::Tensor& energy, std::int64_t rank) {
  if (rank <= 0) return 1.0;
  return energy[std::min<std::int64_t>(rank, energy.size(0)) - 1].item<double>();
}

}  // namespace

CompressionEnvironment::CompressionEnvironment(ModelCompressor& compressor, MetricFunction metric, CompressionEnvOptions options)
    : m_compressor(compressor), m_metric(std::move(metric)), m_options(std::move(options)) {
  if (m_options.methods.empty() || m_options.ratios.empty()) throw std::invalid_argument("empty action space");
  std::sort(m_options.ratios.begin(), m_options.ratios.end());
  for (Method m : m_options.methods) m_space.methods.push_back(methodName(m));
  m_space.ratios = m_options.ratios;
  const auto& slots = m_compressor.slots();
  m_denseParams = m_compressor.denseCost().params;
  m_denseMetric = metricOf(m_compressor.densePlan());
  std::int64_t largest = 1;
  for (const auto& s : slots) largest = std::max(largest, s.rows * s.cols);
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const auto& s = slots[i];
    // Sensitivity: this matrix alone at the probe ratio (SVD), the rest dense.
    Plan probe = m_compressor.densePlan();
    probe[i] = {Method::Svd, rankForRatio(Method::Svd, s.rows, s.cols, m_options.sensitivityRatio)};
    const double drop = m_denseMetric > 0 ? (m_denseMetric - metricOf(probe)) / m_denseMetric : 0.0;
    m_sensitivity.push_back(drop);
    const auto& energy = m_compressor.energy(i);
    std::vector<float> f(8, 0.0f);
    f[static_cast<std::size_t>(s.kind)] = 1.0f;
    f.push_back(s.tower == "image" ? 1.0f : 0.0f);
    f.push_back(s.block >= 0 && s.towerDepth > 0 ? float(s.block + 1) / float(s.towerDepth) : 1.0f);
    f.push_back(float(std::log2(double(s.rows)) / 12.0));
    f.push_back(float(std::log2(double(s.cols)) / 12.0));
    f.push_back(float(double(s.rows * s.cols) / double(largest)));
    for (double r : {0.25, 0.5, 0.75}) f.push_back(float(energyAt(energy, rankForRatio(Method::Svd, s.rows, s.cols, r))));
    f.push_back(float(std::clamp(drop * 5.0, -1.0, 1.0)));
    m_static.push_back(torch::tensor(f));
    std::int64_t minimum = 0;
    for (int m = 0; m < static_cast<int>(m_options.methods.size()); ++m) minimum = std::max(minimum, paramsOf(i, {m, 0}));
    m_minParams.push_back(minimum);
  }
  m_minAfter.assign(slots.size() + 1, 0);
  for (std::size_t i = slots.size(); i-- > 0;) m_minAfter[i] = m_minAfter[i + 1] + m_minParams[i];
}

LayerChoice CompressionEnvironment::choiceOf(std::size_t slot, const Action& action) const {
  const auto& s = m_compressor.slots().at(slot);
  const Method method = m_options.methods.at(static_cast<std::size_t>(action.method));
  const std::int64_t rank = rankForRatio(method, s.rows, s.cols, m_options.ratios.at(static_cast<std::size_t>(action.ratio)));
  return rank > 0 ? LayerChoice{method, rank} : LayerChoice{};
}

std::int64_t CompressionEnvironment::paramsOf(std::size_t slot, const Action& action) const {
  return m_compressor.layerCost(slot, choiceOf(slot, action)).params;
}

Plan CompressionEnvironment::planOf(const std::vector<Action>& actions) const {
  Plan plan = m_compressor.densePlan();
  for (std::size_t i = 0; i < actions.size() && i < plan.size(); ++i) plan[i] = choiceOf(i, actions[i]);
  return plan;
}

torch::Tensor CompressionEnvironment::features(int step, const std::vector<Action>& taken) const {
  std::int64_t used = 0, remainingDense = 0;
  for (std::size_t i = 0; i < taken.size(); ++i) used += paramsOf(i, taken[i]);
  const auto& slots = m_compressor.slots();
  for (std::size_t i = static_cast<std::size_t>(step); i < slots.size(); ++i) remainingDense += slots[i].rows * slots[i].cols;
  const double budget = m_options.budget * double(m_denseParams);
  const double needed = remainingDense > 0 ? (budget - double(used)) / double(remainingDense) : 0.0;
  const double previous = taken.empty() ? 1.0 : m_options.ratios.at(static_cast<std::size_t>(taken.back().ratio));
  const auto dynamic = torch::tensor({float(step) / float(std::max(1, stepCount())), float(double(used) / double(m_denseParams)),
                                      float(std::clamp(needed, -1.0, 2.0)), float(previous)});
  return torch::cat({m_static.at(static_cast<std::size_t>(step)), dynamic});
}

std::vector<bool> CompressionEnvironment::allowedRatios(int step, int method, const std::vector<Action>& taken) const {
  std::vector<bool> allowed(m_options.ratios.size(), true);
  if (!m_options.enforceBudget) return allowed;
  std::int64_t used = 0;
  for (std::size_t i = 0; i < taken.size(); ++i) used += paramsOf(i, taken[i]);
  const double room = m_options.budget * double(m_denseParams) - double(used) - double(m_minAfter.at(static_cast<std::size_t>(step) + 1));
  bool any = false;
  for (std::size_t r = 0; r < allowed.size(); ++r) {
    allowed[r] = double(paramsOf(static_cast<std::size_t>(step), {method, static_cast<int>(r)})) <= room + 1e-9;
    any = any || allowed[r];
  }
  if (!any) allowed[0] = true;  // budget below the minimum: the smallest bin (penalised at the end)
  return allowed;
}

std::vector<float> CompressionEnvironment::ratioPrior(int step, const std::vector<Action>& taken) const {
  if (m_options.priorWidth <= 0) return {};
  std::int64_t used = 0, remainingDense = 0;
  for (std::size_t i = 0; i < taken.size(); ++i) used += paramsOf(i, taken[i]);
  const auto& slots = m_compressor.slots();
  for (std::size_t i = static_cast<std::size_t>(step); i < slots.size(); ++i) remainingDense += slots[i].rows * slots[i].cols;
  const double needed = remainingDense > 0 ? (m_options.budget * double(m_denseParams) - double(used)) / double(remainingDense) : 1.0;
  const double centre = std::clamp(needed, m_options.ratios.front(), 1.0);
  std::vector<float> prior;
  for (double r : m_options.ratios)
    prior.push_back(float(-(r - centre) * (r - centre) / (2.0 * m_options.priorWidth * m_options.priorWidth)));
  return prior;
}

bool CompressionEnvironment::minimumReachable() const {
  return double(m_minAfter.at(0)) <= m_options.budget * double(m_denseParams) + 1e-9;
}

double CompressionEnvironment::metricOf(const Plan& plan) {
  const auto key = planKey(plan);
  if (auto it = m_cache.find(key); it != m_cache.end()) return it->second;
  m_compressor.apply(plan);
  const double value = m_metric();
  m_compressor.restore();
  ++m_evaluations;
  m_cache.emplace(key, value);
  return value;
}

EpisodeOutcome CompressionEnvironment::evaluate(const std::vector<Action>& actions) {
  const Plan plan = planOf(actions);
  EpisodeOutcome o;
  o.sizeRatio = m_compressor.sizeRatio(plan);
  o.feasible = o.sizeRatio <= m_options.budget + 1e-9;
  o.metric = metricOf(plan);
  o.reward = !o.feasible ? -1.0 : m_denseMetric > 0 ? o.metric / m_denseMetric : o.metric;
  return o;
}

}  // namespace vimoe::compress
