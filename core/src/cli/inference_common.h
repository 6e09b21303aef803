// Pieces the inference verbs share: generation settings from the checkpoint's config with the
// command line's overrides, and the images a user names, decoded as the model was trained.
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "vimoe/cli/verbs.h"
#include "vimoe/config/experiment_config.h"
#include "vimoe/model/generation.h"
#include "vimoe/util/expected.h"

namespace vimoe::cli {

model::GenerationOptions generationFor(const config::ExperimentConfig& cfg, const GenerationCliOptions& cli);

// [N, 3, S, S] float pixels in [0, 1]; an unreadable file is an error naming it.
Expected<torch::Tensor> loadImagesForModel(const std::vector<std::string>& paths, int imageSize);

// Prints "error: <message>" and returns the exit code.
int reportError(const std::string& message, int exitCode);

}  // namespace vimoe::cli
