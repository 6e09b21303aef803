// The cadence of cfg.run as observers of the training loop, in the order they act after a step:
//   scalars        every log_every steps: train/loss, the task's scalars, lr, grad norm,
//                  samples/s, the router losses per layer (aux_scalars.h); the run's progress
//   expert load    every expert_load_every steps, when the model has MoE layers
//   routing        every routing_every steps: the task's probe-set snapshot
//   evaluation     every eval_every steps: the task's val/ metrics
//   checkpoint     every checkpoint_every steps (after the store transaction commits)
//   progress       every step, to the ProgressObserver ("train <name>, loss 1.234")
// Each also acts at the last step, so a finished run always ends with all of them.
#pragma once

#include <memory>
#include <vector>

#include "vimoe/train/training_loop.h"

namespace vimoe::train {

std::vector<std::unique_ptr<TrainingObserver>> standardObservers(ProgressObserver& progress);

}  // namespace vimoe::train
