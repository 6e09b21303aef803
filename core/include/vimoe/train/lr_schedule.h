// Learning rate: linear warmup, then cosine decay to min_lr_ratio * lr (or constant).
#pragma once

#include "vimoe/config/experiment_config.h"

namespace vimoe::train {

double learningRate(const config::OptimConfig& optim, int step, int totalSteps);

}  // namespace vimoe::train
