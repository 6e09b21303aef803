#include "vimoe/train/device.h"

namespace vimoe::train {

Expected<torch::Device> resolveDevice(const std::string& name) {
  const bool cuda = torch::cuda::is_available();
  if (name == "cpu" || (name == "auto" && !cuda)) return torch::Device(torch::kCPU);
  if (cuda) return torch::Device(torch::kCUDA, 0);
  return Error{"run.device is \"cuda\" but this LibTorch build has no CUDA or no GPU is visible; use \"auto\" or \"cpu\""};
}

}  // namespace vimoe::train
