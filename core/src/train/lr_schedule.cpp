#include "vimoe/train/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace vimoe::train {

double learningRate(const config::OptimConfig& optim, int step, int totalSteps) {
  // `step` is 0-based: the first update uses lr / warmup, never 0.
  if (optim.warmup_steps > 0 && step < optim.warmup_steps) return optim.lr * double(step + 1) / optim.warmup_steps;
  if (optim.schedule == "constant") return optim.lr;
  const int decaySteps = std::max(1, totalSteps - optim.warmup_steps);
  const double progress = std::clamp(double(step - optim.warmup_steps) / decaySteps, 0.0, 1.0);
  const double cosine = 0.5 * (1.0 + std::cos(M_PI * progress));
  return optim.lr * (optim.min_lr_ratio + (1.0 - optim.min_lr_ratio) * cosine);
}

}  // namespace vimoe::train
