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
