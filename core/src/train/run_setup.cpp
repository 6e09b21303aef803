#include "run_setup.h"

#include <cctype>
#include <cstdio>
#include <filesystem>

#include "vimoe/cli/version.h"
#include "vimoe/config/config_io.h"
#include "vimoe/store/process_job.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/project_data.h"

namespace vimoe::train {
RunResult failedRun(const std::string& message, std::int64_t runId) {
  RunResult r;
  r.outcome = RunOutcome::Failed;
  r.message = message;
  r.runId = runId;
  return r;
}

Expected<RunSetup> registerNewRun(store::RunStore& store, const config::ExperimentConfig& cfg, const TrainOptions& options,
                                  const std::vector<std::string>& moeLayerNames) {
  store::NewRun newRun;
  newRun.name = cfg.run.name;
  newRun.kind = cfg.run.kind;
  newRun.configJson = config::experimentToJson(cfg).dump();
  newRun.parentRunId = options.parentRunId;
  newRun.seed = static_cast<std::int64_t>(cfg.run.seed);
  newRun.totalSteps = cfg.run.steps;
  newRun.tags = options.tags;
  newRun.versions = cli::libraryVersions();
  newRun.gitRevision = cli::gitRevision();
  auto created = store.createRun(newRun);
  if (!created) return created.error();
  RunSetup setup;
  setup.runId = *created;
  setup.checkpointDir = (std::filesystem::path(resolveProjectPath(options.projectDir, cfg.run.checkpoint_dir)) /
                         runFolderName(setup.runId, cfg.run.name))
                            .string();
  if (auto s = store.setMoeLayers(setup.runId, moeLayerNames); !s) return s.error();
  if (auto s = store.setCheckpointDir(setup.runId, setup.checkpointDir); !s) return s.error();
  if (auto s = store.addArtifact(setup.runId, "checkpoint", setup.checkpointDir, ""); !s) return s.error();
  return setup;
}

Expected<RunSetup> resumeRun(store::RunStore& store, std::int64_t runId, torch::nn::Module& model, AdamW& optimizer,
                             std::int64_t& startStep) {
  auto run = store.run(runId);
  if (!run) return run.error();
  // Two processes writing one run would interleave their rows and checkpoints.
  if (run->status == store::RunStatus::Running && !store::isLost(*run))
    return Error{"run " + std::to_string(runId) + " is still running (process " +
                 std::to_string(run->job->process.pid) + " on " + run->job->process.host +
                 "): cancel it or wait until it ends before resuming it"};
  RunSetup setup{runId, run->checkpointDir};
  auto state = readTrainingState(setup.checkpointDir);
  if (!state) return Error{"cannot resume run " + std::to_string(runId) + ": " + state.error().message};
  if (auto s = loadCheckpoint(setup.checkpointDir, model, &optimizer, *state); !s) return s.error();
  startStep = state->step;
  if (auto s = store.truncateAfterStep(runId, startStep); !s) return s.error();
  return setup;
}

store::RunStatus statusFor(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::Finished: return store::RunStatus::Finished;
    case RunOutcome::Cancelled: return store::RunStatus::Cancelled;
    case RunOutcome::Diverged: return store::RunStatus::Diverged;
    case RunOutcome::Failed: return store::RunStatus::Failed;
  }
  return store::RunStatus::Failed;
}

void reportStep(ProgressObserver& progress, const std::string& task, std::int64_t done, std::int64_t steps,
                double elapsedSeconds, double loss) {
  Progress p;
  p.task = task;
  p.done = done;
  p.total = steps;
  p.elapsedSeconds = elapsedSeconds;
  char detail[64];
  std::snprintf(detail, sizeof detail, "loss %.3f", loss);
  p.detail = detail;
  progress.onProgress(p);
}

}  // namespace vimoe::train
