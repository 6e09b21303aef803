// Captioning and VQA (run.kind caption | vqa) as a task of the training loop: the image tower
// (optionally from a contrastive checkpoint, task.encoder_from, optionally frozen) with a text
// decoder or an answer classifier.
//
// Logged besides the loop's scalars: train/task_loss; every eval_every steps val/loss over the
// first 512 validation images (questions) and, greedily decoded on the first task.eval_samples,
// val/cider_d, val/bleu4, val/rouge_l (caption) or val/exact_match, val/f1 (vqa). A finished run
// evaluates the whole validation split with task.beam_width, next to the model-free baselines
// (eval/final_eval.h).
#pragma once

#include <memory>
#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/train/training_task.h"

namespace vimoe::train {

std::unique_ptr<TrainingTask> makeDownstreamTask(const config::ExperimentConfig& cfg, const std::string& projectDir);

}  // namespace vimoe::train
