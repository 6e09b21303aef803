#include "mixed_precision.h"

#include <ATen/autocast_mode.h>

namespace vimoe::train {
namespace {

// LibTorch 2.4 replaced the per-device autocast switches with ones taking the device type.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool autocastEnabled(bool cuda) { return at::autocast::is_autocast_enabled(cuda ? at::kCUDA : at::kCPU); }
void enableAutocast(bool cuda, bool on, at::ScalarType dtype) {
  at::autocast::set_autocast_enabled(cuda ? at::kCUDA : at::kCPU, on);
  if (on) at::autocast::set_autocast_dtype(cuda ? at::kCUDA : at::kCPU, dtype);
}
#else
bool autocastEnabled(bool cuda) { return cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled(); }
void enableAutocast(bool cuda, bool on, at::ScalarType dtype) {
  if (cuda) {
    at::autocast::set_enabled(on);
    if (on) at::autocast::set_autocast_gpu_dtype(dtype);
  } else {
    at::autocast::set_cpu_enabled(on);
    if (on) at::autocast::set_autocast_cpu_dtype(dtype);
  }
}
#endif

}  // namespace

Status checkPrecision(const std::string& precision, torch::Device device) {
  if (precision == "fp32" || precision == "bf16") return okStatus();
  if (precision == "fp16" && device.is_cuda()) return okStatus();
  if (precision == "fp16") return Error{"run.precision: fp16 needs CUDA and this run is on " + device.str() + "; use bf16 on the CPU"};
  return Error{"run.precision: unknown precision \"" + precision + "\" (fp32, bf16 or fp16)"};
}

AutocastScope::AutocastScope(torch::Device device, const std::string& precision) {
  if (precision != "bf16" && precision != "fp16") return;
  m_active = true;
  m_cuda = device.is_cuda();
  m_wasEnabled = autocastEnabled(m_cuda);
  enableAutocast(m_cuda, true, precision == "bf16" ? at::kBFloat16 : at::kHalf);
  at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
  if (!m_active) return;
  // The cast weights are cached for the scope's life; the outermost scope frees them.
  if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
  enableAutocast(m_cuda, m_wasEnabled, at::kFloat);
}

LossScaler::LossScaler(bool enabled, double initialScale, int growthInterval)
    : m_enabled(enabled), m_scale(enabled ? initialScale : 1.0), m_growthInterval(growthInterval) {}

torch::Tensor LossScaler::scale(const torch::Tensor& loss) const { return m_enabled ? loss * m_scale : loss; }

bool LossScaler::unscale(const std::vector<torch::Tensor>& params) {
  if (!m_enabled) return true;
  bool finite = true;
  for (const auto& p : params) {
    auto grad = p.grad();
    if (!grad.defined()) continue;
    grad.div_(m_scale);
    finite = finite && torch::isfinite(grad).all().item<bool>();
  }
  return finite;
}

void LossScaler::update(bool stepTaken) {
  if (!m_enabled) return;
  if (!stepTaken) {
    m_scale /= 2;
    m_goodSteps = 0;
  } else if (++m_goodSteps >= m_growthInterval) {
    m_scale *= 2;
    m_goodSteps = 0;
  }
}

}  // namespace vimoe::train
