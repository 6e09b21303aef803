// task.encoder_from: the downstream model's image tower starts from a contrastive checkpoint.
// A dense checkpoint into a config whose image tower is MoE is sparse-upcycled on the way (every
// expert a copy of the FFN, fresh routers), so "upcycled captioner" needs no extra step.
#pragma once

#include <cstdint>
#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/vision_language_model.h"
#include "vimoe/util/expected.h"

namespace vimoe::train {

// Returns a one-line description of what was loaded (for the run log).
Expected<std::string> initialiseImageTower(const std::string& dir, const config::ExperimentConfig& cfg,
                                           model::VisionLanguageModel& model, std::uint64_t seed);

}  // namespace vimoe::train
