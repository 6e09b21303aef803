// runTraining(): the task of cfg.run.kind on the one training loop.
#include "contrastive_task.h"
#include "downstream_task.h"
#include "vimoe/train/training_loop.h"

namespace vimoe::train {

const char* runOutcomeName(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::Finished: return "finished";
    case RunOutcome::Cancelled: return "cancelled";
    case RunOutcome::Failed: return "failed";
    case RunOutcome::Diverged: return "diverged";
  }
  return "?";
}

RunResult runTraining(const config::ExperimentConfig& cfg, const TrainOptions& options, LogSink& log,
                      ProgressObserver& progress, const CancelToken& cancel) {
  const bool downstream = cfg.run.kind == "caption" || cfg.run.kind == "vqa";
  auto task = downstream ? makeDownstreamTask(cfg, options.projectDir) : makeContrastiveTask(cfg, options.projectDir);
  TrainingLoop loop(cfg, options, log, progress, cancel);
  loop.addStandardObservers();
  return loop.run(*task);
}

}  // namespace vimoe::train
