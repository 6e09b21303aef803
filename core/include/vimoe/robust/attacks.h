// l_inf attacks on [0, 1] pixels: FGSM, PGD and APGD (Croce & Hein 2020). Every returned batch
// lies inside the eps-ball around the clean pixels and inside [0, 1] (tests/core/robust).
// REFERENCES.md section 6 has the protocols; `paperPgd` is the one of Puigcerver et al.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "vimoe/robust/attack_target.h"

namespace vimoe::robust {

// Clamps `candidate` into the l_inf ball of radius eps around `clean`, then into [0, 1].
torch::Tensor projectLinf(const torch::Tensor& candidate, const torch::Tensor& clean, double eps);

// A uniform point of the eps-ball around x (clamped to [0, 1]), from a seeded generator.
torch::Tensor uniformBallStart(const torch::Tensor& x, double eps, std::uint64_t seed);

// One sign-gradient step of size eps.
torch::Tensor fgsm(const Target& target, const torch::Tensor& x, const torch::Tensor& labels, double eps,
                   AttackLoss loss = AttackLoss::CrossEntropy, double auxWeight = 0);

struct PgdOptions {
  double eps = 8.0 / 255.0;
  int steps = 40;
  double stepSize = 0;       // 0 = eps / steps
  bool randomStart = false;
  AttackLoss loss = AttackLoss::CrossEntropy;
  double auxWeight = 0;
  std::uint64_t seed = 0;
};
// The paper's released protocol: 40 steps of eps / 40, no random start.
PgdOptions paperPgd(double eps);
// Madry et al.: random start, step 2.5 * eps / steps.
PgdOptions madryPgd(double eps, int steps);

// Steps of `stepSize` along the sign of the gradient, each projected; returns the last iterate.
// Zero steps (and no random start) returns x unchanged.
torch::Tensor pgd(const Target& target, const torch::Tensor& x, const torch::Tensor& labels, const PgdOptions& options);

// The same loop on any scalar loss of the pixels (adversarial training maximises the batch's
// training loss with it).
torch::Tensor pgdMaximise(const std::function<torch::Tensor(const torch::Tensor&)>& loss, const torch::Tensor& x,
                          const PgdOptions& options);

struct ApgdOptions {
  double eps = 8.0 / 255.0;
  int steps = 100;
  AttackLoss loss = AttackLoss::CrossEntropy;
  int restarts = 1;
  double auxWeight = 0;
  double momentum = 0.75;  // alpha: weight of the new step (1 on the first step)
  double rho = 0.75;       // step halved when the loss rose in at most rho of the steps since the last checkpoint
  std::uint64_t seed = 0;
};

// Iterations after which APGD checks its step size: 0, then 22% of N, then intervals shrinking
// by 3% of N down to 6% (N = 100: 0, 22, 41, 57, 70, 80, 87, 93, 99).
std::vector<int> apgdCheckpoints(int steps);

struct ApgdTrace {
  std::vector<int> checkpoints;         // iterations where the step size was checked
  std::vector<double> meanStepSize;     // per iteration, over the batch (first restart)
  std::vector<double> bestLoss;         // per iteration, mean best objective (first restart)
};

// Per sample: a point that fools the model when one was found, else the point of highest loss.
torch::Tensor apgd(const Target& target, const torch::Tensor& x, const torch::Tensor& labels, const ApgdOptions& options,
                   ApgdTrace* trace = nullptr);

}  // namespace vimoe::robust
