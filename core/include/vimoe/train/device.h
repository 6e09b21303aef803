// run.device -> a torch::Device: "auto" takes CUDA when this LibTorch build has it and a GPU is
// visible, "cuda" insists (a clear error otherwise), "cpu" never touches a GPU.
#pragma once

#include <torch/torch.h>

#include <string>

#include "vimoe/util/expected.h"

namespace vimoe::train {

Expected<torch::Device> resolveDevice(const std::string& name);

}  // namespace vimoe::train
