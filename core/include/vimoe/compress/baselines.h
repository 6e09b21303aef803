// Baseline plans the agent is compared with at the same budget (REFERENCES.md section 7):
//  - uniform: every matrix at the budget's keep ratio, one method (SVD by default);
//  - energy: every matrix at the smallest rank keeping >= tau of its sum sigma^2 (dense where
//    that rank would not save parameters), tau the largest value whose plan fits the budget;
//  - ASVD: the uniform plan with activation-aware SVD (needs ModelCompressor's activation scales).
#pragma once

#include "vimoe/compress/model_compressor.h"

namespace vimoe::compress {

Plan uniformPlan(const ModelCompressor& compressor, Method method, double ratio);

struct EnergyPlan {
  Plan plan;
  double tau = 0;
};
EnergyPlan energyPlan(ModelCompressor& compressor, double budget);
// The plan at a given tau.
Plan energyPlanAt(ModelCompressor& compressor, double tau);

}  // namespace vimoe::compress
