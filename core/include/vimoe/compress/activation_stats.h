// Activation statistics for activation-aware SVD: the mean absolute value of each input
// feature of every catalogued matrix over calibration images and captions. LibTorch has no
// forward hooks, so this walks the towers itself with the model's own modules (patch
// embedding, blocks, norms, attention projections), reproducing their forward passes; a test
// checks that the walk ends in exactly the embeddings the model computes. An expert's
// statistics weight every token by the router's probability for that expert (soft routing),
// which does not depend on capacity or the router kind.
#pragma once

#include <torch/torch.h>

#include <map>
#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/clip_model.h"

namespace vimoe::compress {

struct InputStatistics {
  std::map<std::string, torch::Tensor> meanAbs;  // slot name (weight_catalog.h) -> [in]
  torch::Tensor imageEmbeddings, textEmbeddings; // what the walk computed (normalised), for checks
};

// pixels [B, 3, S, S] float in [0, 1]; ids [B', L] int64 (0 = padding).
InputStatistics collectInputStatistics(model::ClipModel& model, const config::ExperimentConfig& cfg,
                                       const torch::Tensor& pixels, const torch::Tensor& ids);

}  // namespace vimoe::compress
