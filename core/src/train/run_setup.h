// What every training entry point does before its first step: register the run in the store
// (or find the run it resumes) and name its checkpoint folder, <checkpoint_dir>/<id>-<name>.
#pragma once

#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/trainer.h"
#include "vimoe/util/expected.h"

namespace vimoe::train {

struct RunSetup {
  std::int64_t runId = 0;
  std::string checkpointDir;
};

// A new run (kind = cfg.run.kind) with its MoE layer names, checkpoint folder and artifact.
Expected<RunSetup> registerNewRun(store::RunStore& store, const config::ExperimentConfig& cfg, const TrainOptions& options,
                                  const std::vector<std::string>& moeLayerNames);

RunResult failedRun(const std::string& message, std::int64_t runId = 0);

}  // namespace vimoe::train
