// The reinforcement-learning view of compression (AMC, He et al. 2018; REFERENCES.md section
// 7): an episode visits the matrices one per step; at each step the agent sees that layer's
// features and the budget so far and picks a method and a keep-ratio bin. The reward comes at
// the end (the ranking metric of the whole plan) and is given to every step. The budget is
// hard: ratio bins that would leave the rest of the episode unable to meet it are masked out
// before sampling (AMC clips the action; masking clips it inside the distribution, so the
// action taken is the action whose log-probability is trained). An environment is a pure
// function of the actions taken so far, which makes plans reproducible.
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

namespace vimoe::compress {

struct Action {
  int method = 0;  // index into ActionSpace::methods
  int ratio = 0;   // index into ActionSpace::ratios
  bool operator==(const Action& o) const { return method == o.method && ratio == o.ratio; }
};

struct ActionSpace {
  std::vector<std::string> methods;  // e.g. svd, cur, nmf
  std::vector<double> ratios;        // keep ratios, ascending; 1.0 = keep the layer dense
};

struct EpisodeOutcome {
  double reward = 0;
  double metric = 0;     // the ranking metric (toy environments: the same as reward)
  double sizeRatio = 1;  // parameters kept / dense, over the catalogued matrices
  bool feasible = true;  // false: over budget (penalised)
};

class Environment {
 public:
  virtual ~Environment() = default;
  virtual int stepCount() const = 0;
  virtual int featureCount() const = 0;
  virtual const ActionSpace& actions() const = 0;
  // State of step `step` after the actions `taken` (taken.size() == step): [featureCount()].
  virtual torch::Tensor features(int step, const std::vector<Action>& taken) const = 0;
  // The ratio bins allowed at `step` for `method` (the budget mask); at least one is allowed.
  virtual std::vector<bool> allowedRatios(int step, int method, const std::vector<Action>& taken) const = 0;
  // Fixed offsets added to the policy's ratio logits (empty = none): a prior that centres the
  // first episodes on plans that can meet the budget, which the policy then learns away from.
  virtual std::vector<float> ratioPrior(int /*step*/, const std::vector<Action>& /*taken*/) const { return {}; }
  // The whole episode's outcome (deterministic in the actions).
  virtual EpisodeOutcome evaluate(const std::vector<Action>& actions) = 0;
};

}  // namespace vimoe::compress
