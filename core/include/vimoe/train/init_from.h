// Starting weights from another checkpoint (model.init_from) and `vimoe upcycle`: a dense
// checkpoint into an MoE config is sparse-upcycled, any other checkpoint must match the config.
#pragma once

#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/model/upcycle.h"
#include "vimoe/util/expected.h"
#include "vimoe/util/log.h"

namespace vimoe::train {

// A run starting from checkpoint `dir` must compute as the checkpoint did: the first
// model.arch field that differs is an error naming `what` (model.init_from, task.encoder_from),
// both values and the fix. `imageTowerOnly`: the text-side settings do not matter.
Status checkSameArchitecture(const std::string& what, const std::string& dir, const config::ArchitectureConfig& checkpoint,
                             const config::ArchitectureConfig& run, bool imageTowerOnly);

// True when the checkpoint folder's weights hold no MoE tensor.
Expected<bool> isDenseCheckpoint(const std::string& dir);

// Loads `dir`'s weights into `model`; upcycles when the checkpoint is dense and the model has
// MoE layers. The report is empty (moeLayers 0) when nothing was upcycled.
Expected<model::UpcycleReport> initialiseFromCheckpoint(const std::string& dir, model::ClipModel& model,
                                                        const model::UpcycleOptions& options);

// `vimoe upcycle`: builds the MoE model of `moeCfg` (seeded by its run.seed), upcycles the dense
// checkpoint `from` into it and writes checkpoint folder `out` at step 0 (no optimiser state).
Expected<model::UpcycleReport> writeUpcycledCheckpoint(const std::string& from, const config::ExperimentConfig& moeCfg,
                                                       const std::string& out, const model::UpcycleOptions& options);

}  // namespace vimoe::train
