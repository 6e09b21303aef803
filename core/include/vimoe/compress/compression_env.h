// The compression environment over a real model (environment.h): one catalogued matrix per
// step, action = (method, keep-ratio bin), the rank of a bin being the largest whose
// factorised form keeps at most that share of the dense parameters (cost.h rankForRatio), so
// a ratio means the same size for every method. State features, per step:
//   kind one-hot (8), tower (image 1 / text 0), depth (block+1)/depth (heads: 1),
//   log2 rows / 12, log2 cols / 12, params / largest matrix's params,
//   energy kept by the SVD at ratios 0.25 / 0.5 / 0.75,
//   sensitivity = (metric_dense - metric with this matrix alone at the probe ratio) / metric_dense,
//   step / steps, parameters allotted so far / dense total, the keep ratio the remaining
//   matrices must average to stay within the budget, and the previous step's ratio.
// Reward = ranking metric of the plan / dense ranking metric (1 = no loss); over budget
// (only possible with enforceBudget off) = -1.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "vimoe/compress/environment.h"
#include "vimoe/compress/model_compressor.h"

namespace vimoe::compress {

struct CompressionEnvOptions {
  double budget = 0.5;  // parameters kept / dense, over the catalogued matrices
  std::vector<Method> methods{Method::Svd, Method::Cur, Method::Nmf};
  std::vector<double> ratios{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  bool enforceBudget = true;
  double priorWidth = 0.15;  // of the ratio prior; 0 = no prior  // mask the ratio bins that would make the budget unreachable
  double sensitivityRatio = 0.3;  // probe ratio of the per-matrix sensitivity (SVD)
};

// The metric of the model as it is now (ranking_eval.h, bound to a ranking set).
using MetricFunction = std::function<double()>;

class CompressionEnvironment : public Environment {
 public:
  // Measures the dense metric and each matrix's sensitivity (steps + 1 evaluations).
  CompressionEnvironment(ModelCompressor& compressor, MetricFunction metric, CompressionEnvOptions options);

  int stepCount() const override { return static_cast<int>(m_compressor.slots().size()); }
  int featureCount() const override { return kFeatures; }
  const ActionSpace& actions() const override { return m_space; }
  torch::Tensor features(int step, const std::vector<Action>& taken) const override;
  std::vector<bool> allowedRatios(int step, int method, const std::vector<Action>& taken) const override;
  EpisodeOutcome evaluate(const std::vector<Action>& actions) override;
  // -(ratio - c)^2 / (2 * 0.15^2), c = the keep ratio the remaining matrices must average.
  std::vector<float> ratioPrior(int step, const std::vector<Action>& taken) const override;

  Plan planOf(const std::vector<Action>& actions) const;
  // Metric of any plan (cached by plan), with the model restored afterwards.
  double metricOf(const Plan& plan);
  double denseMetric() const { return m_denseMetric; }
  const std::vector<double>& sensitivity() const { return m_sensitivity; }
  std::size_t evaluations() const { return m_evaluations; }
  bool minimumReachable() const;  // the smallest bin everywhere fits the budget

  static constexpr int kFeatures = 8 + 13;

 private:
  LayerChoice choiceOf(std::size_t slot, const Action& action) const;
  std::int64_t paramsOf(std::size_t slot, const Action& action) const;

  ModelCompressor& m_compressor;
  MetricFunction m_metric;
  CompressionEnvOptions m_options;
  ActionSpace m_space;
  double m_denseMetric = 0;
  std::int64_t m_denseParams = 0;
  std::vector<double> m_sensitivity;
  std::vector<torch::Tensor> m_static;       // per slot, the static part of the features
  std::vector<std::int64_t> m_minParams;     // per slot: the most any method needs at the smallest bin
  std::vector<std::int64_t> m_minAfter;      // sum of m_minParams over later slots
  std::map<std::string, double> m_cache;
  std::size_t m_evaluations = 0;
};

}  // namespace vimoe::compress
