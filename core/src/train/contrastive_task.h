// Contrastive pre-training of the two-tower model (loss.contrastive: CLIP's softmax or SigLIP's
// sigmoid loss) as a task of the training loop: batches of images with one of their captions,
// retrieval and zero-shot validation, routing snapshots of a fixed probe set.
#pragma once

#include <memory>
#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/train/training_task.h"

namespace vimoe::train {

std::unique_ptr<TrainingTask> makeContrastiveTask(const config::ExperimentConfig& cfg, const std::string& projectDir);

}  // namespace vimoe::train
