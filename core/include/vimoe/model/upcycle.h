// Sparse upcycling (Komatsuzaki et al. 2022): an MoE model initialised from a dense one. Every
// tensor the two share is copied; in each MoE block every expert (and a shared expert, if any)
// becomes a copy of the dense block's FFN; routers keep their fresh N(0, router_init_std) init.
// With top-1 routing, renormalised gates and no dropping, the result computes exactly the dense
// function at step 0 (tests/core/model/upcycle_test.cpp checks both this and every expert tensor).
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/model/clip_model.h"
#include "vimoe/util/expected.h"
#include "vimoe/util/safetensors.h"

namespace vimoe::model {

struct UpcycleOptions {
  // Gaussian noise added to each expert copy, in units of the source tensor's std, so experts
  // can diverge faster; 0 keeps exact copies (and the dense function).
  double expertNoise = 0.0;
  std::uint64_t seed = 0;
};

struct UpcycleReport {
  int moeLayers = 0;
  int experts = 0;
  int copiedTensors = 0;                  // shared names copied as they are
  int expertTensors = 0;                  // expert slices written from an FFN
  std::vector<std::string> freshTensors;  // routers, selection biases: left as initialised
  double maxExpertDeviation = 0;          // max |expert - source| over all copies (0 without noise)
};

// `dense`: the dense checkpoint's model.safetensors; `source` names it in errors. On error the
// model may be partly written; callers build a fresh one.
Expected<UpcycleReport> upcycleFromDense(const SafetensorsFile& dense, ClipModel& moe, const UpcycleOptions& options,
                                         const std::string& source);

}  // namespace vimoe::model
