// Turns the MoE layers' routing accumulators into expert_load rows and per-layer scalars.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "vimoe/model/clip_model.h"
#include "vimoe/store/run_store.h"

namespace vimoe::train {

struct ExpertLoadSnapshot {
  std::vector<store::ExpertLoadRow> rows;
  std::vector<std::pair<std::string, double>> scalars;  // moe/<layer>/dropped_share, .../max_load
};

// Reads and resets every MoE layer's accumulator; `layers` in the order of the run's moe_layer rows.
ExpertLoadSnapshot takeExpertLoadSnapshot(const std::vector<std::pair<std::string, model::MoeLayer>>& layers,
                                          std::int64_t step);

}  // namespace vimoe::train
