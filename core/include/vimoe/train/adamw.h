// AdamW (decoupled weight decay, Loshchilov & Hutter) whose state is plain named tensors, so
// it checkpoints into safetensors and a resumed run continues bit-for-bit.
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/util/safetensors.h"

namespace vimoe::train {

class AdamW {
 public:
  struct Param {
    std::string name;
    torch::Tensor tensor;
    bool decay;  // no weight decay on biases, norms, embeddings of positions and the temperature
  };

  AdamW(std::vector<Param> params, const config::OptimConfig& options);
  void step(double lr);
  void zeroGrad();
  std::int64_t steps() const { return m_steps; }

  SafetensorsFile state() const;
  Status loadState(const SafetensorsFile& file, const std::string& source);

  // Global L2 norm of all gradients, rescaled to at most `maxNorm` (0 = only measure).
  double clipGradNorm(double maxNorm);

 private:
  std::vector<Param> m_params;
  std::vector<torch::Tensor> m_expAvg, m_expAvgSq;
  config::OptimConfig m_options;
  std::int64_t m_steps = 0;
};

// Splits a module's parameters into decayed (matrices) and not decayed (vectors, scalars).
std::vector<AdamW::Param> adamwParams(torch::nn::Module& module);

}  // namespace vimoe::train
