// Training the downstream model (run.kind caption | vqa) with the same contract as contrastive
// training (trainer.h): observer and cancel token, every step's data from (seed, step), the
// optimiser checkpointed so resuming gives the same weights and curve, everything in the store.
//
// Logged: train/loss (task + weighted router losses), train/task_loss, lr, grad norm,
// samples/s, the per-layer router losses and expert load of the MoE layers; every eval_every
// steps val/loss and, on task.eval_samples validation images (questions), val/cider_d,
// val/bleu4 (caption) or val/exact_match, val/f1 (vqa). At the end the whole validation split
// is evaluated with task.beam_width and written to the eval table with per-sample details
// (see downstream_results.h), next to the model-free baselines.
#pragma once

#include "vimoe/train/trainer.h"

namespace vimoe::train {

RunResult runDownstreamTraining(const config::ExperimentConfig& cfg, const TrainOptions& options, LogSink& log,
                                ProgressObserver& progress, const CancelToken& cancel);

// Dispatches on cfg.run.kind: contrastive, caption or vqa.
RunResult runTraining(const config::ExperimentConfig& cfg, const TrainOptions& options, LogSink& log,
                      ProgressObserver& progress, const CancelToken& cancel);

}  // namespace vimoe::train
