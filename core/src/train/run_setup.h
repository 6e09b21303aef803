// What every training entry point does before its first step: register the run in the store
// (or find the run it resumes) and name its checkpoint folder, <checkpoint_dir>/<id>-<name>.
#pragma once

#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/adamw.h"
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

// Resume: loads the run's last checkpoint (weights and optimiser) and forgets the store rows
// logged after it (they are recomputed identically, so the curve has no seam).
Expected<RunSetup> resumeRun(store::RunStore& store, std::int64_t runId, torch::nn::Module& model, AdamW& optimizer,
                             std::int64_t& startStep);

// The store status a finished loop ends in.
store::RunStatus statusFor(RunOutcome outcome);

// One progress report per step: "<task> <run name>", step of steps, "loss 1.234".
void reportStep(ProgressObserver& progress, const std::string& task, std::int64_t done, std::int64_t steps,
                double elapsedSeconds, double loss);

}  // namespace vimoe::train
