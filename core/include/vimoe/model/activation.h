// The FFN non-linearity, chosen by model.arch.activation. The published backbones disagree:
// OpenAI's CLIP uses quick_gelu, SigLIP the tanh approximation of GELU, ViT and OpenCLIP's own
// models the exact GELU; an imported FFN only computes what it was trained to with its own.
#pragma once

#include <torch/torch.h>

#include <string>

namespace vimoe::model {

enum class Activation { Gelu, GeluTanh, QuickGelu };

// "gelu" | "gelu_tanh" | "quick_gelu" (the config validates the name; anything else is Gelu).
Activation activationFromName(const std::string& name);

torch::Tensor activate(const torch::Tensor& x, Activation activation);

}  // namespace vimoe::model
