// Export: a dense ViMoE contrastive checkpoint -> the OpenCLIP layout (open_clip_model.safetensors
// + open_clip_config.json), so a model trained here loads in OpenCLIP / PyTorch, and so the
// workbench can make a checkpoint in a published layout without Python (`vimoe import` reads it
// back bit for bit). The rules are the import's (import_plan.h openClipRules), run backwards.
#pragma once

#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/util/expected.h"

namespace vimoe::model::import {

// Every setting OpenCLIP's architecture cannot express, as "field: value (OpenCLIP: ...)";
// empty when the config exports.
std::vector<std::string> openClipExportProblems(const config::ExperimentConfig& cfg);

// Writes `outDir` (created; refused when it already holds open_clip_model.safetensors).
Status exportOpenClip(const std::string& checkpointDir, const std::string& outDir);

}  // namespace vimoe::model::import
