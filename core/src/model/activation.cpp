#include "vimoe/model/activation.h"

namespace vimoe::model {

Activation activationFromName(const std::string& name) {
  if (name == "gelu_tanh") return Activation::GeluTanh;
  if (name == "quick_gelu") return Activation::QuickGelu;
  return Activation::Gelu;
}

torch::Tensor activate(const torch::Tensor& x, Activation activation) {
  switch (activation) {
    case Activation::GeluTanh:
      return torch::gelu(x, "tanh");
    case Activation::QuickGelu:  // OpenAI CLIP: x * sigmoid(1.702 x)
      return x * torch::sigmoid(1.702 * x);
    case Activation::Gelu:
      break;
  }
  return torch::gelu(x);
}

}  // namespace vimoe::model
