// run.precision: the forward pass under autocast (bf16 or fp16 matmuls and convolutions, fp32
// reductions and norms, as LibTorch's autocast lists decide) and, for fp16, dynamic loss
// scaling so small gradients do not flush to zero (the rules of PyTorch's GradScaler).
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe::train {

// fp16 needs CUDA; bf16 runs on CUDA and on the CPU (LibTorch >= 1.10).
Status checkPrecision(const std::string& precision, torch::Device device);

// Autocast on `device` while alive; nothing for fp32. Scopes nest.
class AutocastScope {
 public:
  AutocastScope(torch::Device device, const std::string& precision);
  ~AutocastScope();
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  bool m_active = false;
  bool m_cuda = false;
  bool m_wasEnabled = false;
};

// Multiplies the loss by a scale before backward and divides the gradients by it after; a step
// whose gradients overflowed is skipped and the scale halved; after `growthInterval` good steps
// it doubles. Disabled (scale 1, never skips) for fp32 and bf16.
class LossScaler {
 public:
  explicit LossScaler(bool enabled, double initialScale = 65536.0, int growthInterval = 2000);
  torch::Tensor scale(const torch::Tensor& loss) const;
  // Divides the gradients of `params` by the scale; false when one is not finite (skip the step).
  bool unscale(const std::vector<torch::Tensor>& params);
  // After the step (taken or skipped): grows or shrinks the scale.
  void update(bool stepTaken);
  double current() const { return m_scale; }

 private:
  bool m_enabled;
  double m_scale;
  int m_growthInterval;
  int m_goodSteps = 0;
};

}  // namespace vimoe::train
