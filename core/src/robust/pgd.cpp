// FGSM and PGD: sign-gradient ascent with projection onto the eps-ball and [0, 1].
#include <ATen/CPUGeneratorImpl.h>

#include "vimoe/robust/attacks.h"

namespace vimoe::robust {
namespace {

torch::Tensor lossGradient(const std::function<torch::Tensor(const torch::Tensor&)>& loss, const torch::Tensor& x) {
  auto input = x.detach().clone().requires_grad_(true);
  const auto value = loss(input);
  return torch::autograd::grad({value}, {input})[0].detach();
}

std::function<torch::Tensor(const torch::Tensor&)> summedObjective(const Target& target, const torch::Tensor& labels,
                                                                   AttackLoss loss, double auxWeight) {
  return [&target, labels, loss, auxWeight](const torch::Tensor& pixels) {
    return attackObjective(target(pixels), labels, loss, auxWeight).sum();
  };
}

}  // namespace

torch::Tensor projectLinf(const torch::Tensor& candidate, const torch::Tensor& clean, double eps) {
  return torch::min(torch::max(candidate, clean - eps), clean + eps).clamp(0.0, 1.0);
}

torch::Tensor uniformBallStart(const torch::Tensor& x, double eps, std::uint64_t seed) {
  auto generator = at::detail::createCPUGenerator(seed);
  const auto noise = torch::rand(x.sizes(), generator, torch::TensorOptions().dtype(x.scalar_type()));
  return projectLinf(x + eps * (2 * noise.to(x.device()) - 1), x, eps);
}

torch::Tensor fgsm(const Target& target, const torch::Tensor& x, const torch::Tensor& labels, double eps, AttackLoss loss,
                   double auxWeight) {
  const auto grad = lossGradient(summedObjective(target, labels, loss, auxWeight), x);
  return projectLinf(x + eps * grad.sign(), x, eps);
}

PgdOptions paperPgd(double eps) {
  PgdOptions o;
  o.eps = eps;
  o.steps = 40;
  o.stepSize = eps / 40.0;
  o.randomStart = false;
  return o;
}

PgdOptions madryPgd(double eps, int steps) {
  PgdOptions o;
  o.eps = eps;
  o.steps = steps;
  o.stepSize = 2.5 * eps / std::max(1, steps);
  o.randomStart = true;
  return o;
}

torch::Tensor pgdMaximise(const std::function<torch::Tensor(const torch::Tensor&)>& loss, const torch::Tensor& x,
                          const PgdOptions& options) {
  const double step = options.stepSize > 0 ? options.stepSize : options.eps / std::max(1, options.steps);
  auto adv = options.randomStart ? uniformBallStart(x, options.eps, options.seed) : x.detach().clone();
  for (int i = 0; i < options.steps; ++i) adv = projectLinf(adv + step * lossGradient(loss, adv).sign(), x, options.eps);
  return adv.detach();
}

torch::Tensor pgd(const Target& target, const torch::Tensor& x, const torch::Tensor& labels, const PgdOptions& options) {
  return pgdMaximise(summedObjective(target, labels, options.loss, options.auxWeight), x, options);
}

}  // namespace vimoe::robust
