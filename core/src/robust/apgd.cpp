// APGD (Croce & Hein 2020, `autoattack/autopgd_base.py`), l_inf: sign steps of a per-sample
// size starting at 2 eps, with momentum; at each checkpoint a sample's step is halved, and it
// restarts from its best point, when its loss rose in at most rho of the steps since the last
// checkpoint, or when its step was not cut last time and its best loss did not improve.
#include "vimoe/robust/attacks.h"

#include <algorithm>
#include <limits>

namespace vimoe::robust {
namespace {

struct Evaluated {
  torch::Tensor grad;       // [B, ...]
  torch::Tensor objective;  // [B]
  torch::Tensor fooled;     // [B] bool, CPU
};

Evaluated evaluate(const Target& target, const torch::Tensor& x, const torch::Tensor& labels, const ApgdOptions& o) {
  auto input = x.detach().clone().requires_grad_(true);
  const auto out = target(input);
  const auto objective = attackObjective(out, labels, o.loss, o.auxWeight);
  Evaluated e;
  e.grad = torch::autograd::grad({objective.sum()}, {input})[0].detach();
  e.objective = objective.detach();
  e.fooled = misclassified(out, labels);
  return e;
}

// Per sample, as a [B, 1, 1, ...] view for broadcasting over the pixels.
torch::Tensor perSample(const torch::Tensor& values, const torch::Tensor& like) {
  std::vector<std::int64_t> shape(like.dim(), 1);
  shape[0] = values.size(0);
  return values.view(shape);
}

torch::Tensor choose(const torch::Tensor& mask, const torch::Tensor& a, const torch::Tensor& b) {
  return torch::where(perSample(mask.to(a.device()), a), a, b);
}

}  // namespace

std::vector<int> apgdCheckpoints(int steps) {
  std::vector<int> points{0};
  if (steps <= 0) return points;
  const int first = std::max(static_cast<int>(0.22 * steps), 1);
  const int minimum = std::max(static_cast<int>(0.06 * steps), 1);
  const int decrease = std::max(static_cast<int>(0.03 * steps), 1);
  for (int gap = first, at = first; at <= steps; gap = std::max(gap - decrease, minimum), at += gap) points.push_back(at);
  return points;
}

torch::Tensor apgd(const Target& target, const torch::Tensor& x, const torch::Tensor& labels, const ApgdOptions& o,
                   ApgdTrace* trace) {
  const auto batch = x.size(0);
  const auto checkpoints = apgdCheckpoints(o.steps);
  if (trace) trace->checkpoints = checkpoints;
  torch::Tensor bestOverall = x.detach().clone();
  auto bestOverallLoss = torch::full({batch}, -std::numeric_limits<float>::infinity(), x.options());
  auto fooledOverall = torch::zeros({batch}, torch::kBool);

  for (int restart = 0; restart < std::max(1, o.restarts); ++restart) {
    auto adv = uniformBallStart(x, o.eps, o.seed + static_cast<std::uint64_t>(restart) * 7919u);
    auto e = evaluate(target, adv, labels, o);
    auto grad = e.grad;
    auto best = adv.clone(), bestGrad = grad.clone(), bestLoss = e.objective.clone();
    auto fooledPoint = adv.clone();
    auto fooled = e.fooled.clone();
    auto step = torch::full({batch}, 2.0 * o.eps, x.options());
    auto previous = adv.clone();
    auto bestAtLastCheck = bestLoss.clone();
    auto reducedLastCheck = torch::ones({batch}, torch::kBool);
    std::vector<torch::Tensor> losses{e.objective};  // losses[0]: at the start point
    std::size_t nextCheckpoint = 1;
    int lastCheckpoint = 0;

    for (int i = 0; i < o.steps; ++i) {
      {
        torch::NoGradGuard noGrad;
        const auto momentumTerm = adv - previous;
        previous = adv;
        const double a = i > 0 ? o.momentum : 1.0;
        const auto z = projectLinf(adv + perSample(step, adv) * grad.sign(), x, o.eps);
        adv = projectLinf(adv + (z - adv) * a + momentumTerm * (1 - a), x, o.eps);
      }
      e = evaluate(target, adv, labels, o);
      grad = e.grad;
      const auto newlyFooled = e.fooled & ~fooled;
      fooledPoint = choose(newlyFooled, adv, fooledPoint);
      fooled = fooled | e.fooled;
      losses.push_back(e.objective);
      const auto improved = e.objective > bestLoss;
      best = choose(improved, adv, best);
      bestGrad = choose(improved, grad, bestGrad);
      bestLoss = torch::where(improved, e.objective, bestLoss);

      const int done = i + 1;
      if (nextCheckpoint < checkpoints.size() && done == checkpoints[nextCheckpoint]) {
        const int window = done - lastCheckpoint;
        auto rises = torch::zeros({batch}, x.options());
        for (int j = done; j > lastCheckpoint; --j) rises += (losses[j] > losses[j - 1]).to(x.scalar_type());
        const auto oscillating = (rises <= window * o.rho).cpu();
        const auto stalled = (~reducedLastCheck) & (bestAtLastCheck >= bestLoss).cpu();
        const auto cut = oscillating | stalled;
        reducedLastCheck = cut;
        bestAtLastCheck = bestLoss.clone();
        const auto cutOnDevice = cut.to(x.device());
        step = torch::where(cutOnDevice, step / 2, step);
        adv = choose(cut, best, adv);
        grad = choose(cut, bestGrad, grad);
        lastCheckpoint = done;
        ++nextCheckpoint;
      }
      if (trace && restart == 0) {
        trace->meanStepSize.push_back(step.mean().item<double>());
        trace->bestLoss.push_back(bestLoss.mean().item<double>());
      }
    }
    // A fooling point wins over any other; among the rest the highest loss wins.
    const auto result = choose(fooled, fooledPoint, best);
    const auto better = (fooled & ~fooledOverall) | (~fooled & ~fooledOverall & (bestLoss > bestOverallLoss).cpu());
    bestOverall = choose(better, result, bestOverall);
    bestOverallLoss = torch::where(better.to(x.device()), bestLoss, bestOverallLoss);
    fooledOverall = fooledOverall | fooled;
  }
  return bestOverall.detach();
}

}  // namespace vimoe::robust
