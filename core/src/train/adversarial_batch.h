// Adversarial training (Madry et al.; config `adversarial`): the batch's pixels are replaced by
// PGD examples that maximise the batch's training loss under the current weights. The attack
// runs in eval mode, so its passes neither count in the router statistics nor use train-time
// noise and capacity, and its gradients never reach the weights' .grad.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <memory>

#include "vimoe/config/experiment_config.h"

namespace vimoe::train {

class StepHook;

bool adversarialTraining(const config::AdversarialConfig& adversarial);

// pixels [B, 3, S, S] in [0, 1] on the model's device; loss: training loss of those pixels.
torch::Tensor adversarialPixels(torch::nn::Module& model, const config::AdversarialConfig& adversarial,
                                const torch::Tensor& pixels, const std::function<torch::Tensor(const torch::Tensor&)>& loss,
                                std::uint64_t seed);

// The training loop's step hook for adversarial training (null when cfg.adversarial is off):
// each micro-batch's pixels become PGD examples against the task's loss, seeded from
// (run.seed, micro-batch index), through the image encoder even when it is frozen.
std::unique_ptr<StepHook> adversarialHook(const config::ExperimentConfig& cfg);

}  // namespace vimoe::train
