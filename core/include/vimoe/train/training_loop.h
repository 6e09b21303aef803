// The one training loop every task runs on (STYLE.md: one engine, tasks as adapters).
//
//   setUp     validate, open the store, load the task's data, seed, build the model, move it to
//             run.device, register the run or resume it from its last checkpoint
//   step      optim.accumulate micro-batches (forward under run.precision, loss, backward),
//             gradient clip, optimiser, learning-rate schedule; NaN -> diverged
//   cadence   observers (training_observers.h) log scalars, expert load, routing snapshots,
//             periodic evaluation, checkpoints and progress after each step
//   end       cancel -> checkpoint + cancelled; finished -> checkpoint artifact, final evaluation
//
// Step hooks change a micro-batch before its forward pass (adversarial training is one). Every
// step's data and noise come from (seed, step) and the optimiser state is checkpointed, so a
// resumed run ends with the same weights and curve as an uninterrupted one.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/adamw.h"
#include "vimoe/train/trainer.h"
#include "vimoe/train/training_task.h"
#include "vimoe/util/cancel.h"
#include "vimoe/util/log.h"
#include "vimoe/util/progress.h"

namespace vimoe::train {

// The run as observers see it: where it is stored and what it has logged so far.
class RunRecord {
 public:
  RunRecord(const config::ExperimentConfig& cfg, store::RunStore& store, TrainingTask& task, AdamW& optimizer,
            std::int64_t runId, std::string checkpointDir);
  const config::ExperimentConfig& cfg;
  store::RunStore& store;
  TrainingTask& task;
  AdamW& optimizer;
  const std::int64_t runId;
  const std::string checkpointDir;

  // Logs to the store and remembers the latest value of each key (finalMetrics, checkpoints).
  Status logScalars(std::int64_t step, const Scalars& values);
  // Weights, optimiser and the latest metrics at `step`.
  Status checkpoint(std::int64_t step) const;
  const std::map<std::string, double>& lastMetrics() const { return m_lastMetrics; }

 private:
  std::map<std::string, double> m_lastMetrics;
};

// What one finished optimiser step hands to the observers.
struct StepRecord {
  std::int64_t done = 0;   // steps completed, 1-based
  std::int64_t steps = 0;  // run.steps
  bool last = false;
  double loss = 0;         // task + weighted router losses, mean over the micro-batches
  double lr = 0;
  double gradNorm = 0;
  double samplesPerSecond = 0;
  double elapsedSeconds = 0;
  const TaskForward* out = nullptr;  // the last micro-batch's forward pass
  std::int64_t skippedImages = 0;    // undecodable images dropped so far
  double lossScale = 1;              // fp16 dynamic loss scale (1 otherwise)
  bool stepSkipped = false;          // fp16: the gradients overflowed, the optimiser did not step
};

class TrainingObserver {
 public:
  virtual ~TrainingObserver() = default;
  // Inside the step's store transaction.
  virtual Status afterStep(const StepRecord& /*step*/, RunRecord& /*run*/) { return okStatus(); }
  // After the transaction committed (checkpoints, progress).
  virtual Status afterCommit(const StepRecord& /*step*/, RunRecord& /*run*/) { return okStatus(); }
};

class StepHook {
 public:
  virtual ~StepHook() = default;
  // May replace the pixels (float [0, 1], on the device) of micro-batch `index` before its forward.
  virtual torch::Tensor beforeForward(TrainingTask& task, const TaskBatch& batch, torch::Tensor pixels,
                                      std::int64_t index) = 0;
};

class TrainingLoop {
 public:
  TrainingLoop(const config::ExperimentConfig& cfg, TrainOptions options, LogSink& log, ProgressObserver& progress,
               const CancelToken& cancel);
  ~TrainingLoop();
  void addObserver(std::unique_ptr<TrainingObserver> observer);
  void addStepHook(std::unique_ptr<StepHook> hook);
  // Observers and hooks from the config: the cadence of cfg.run, adversarial training.
  void addStandardObservers();

  RunResult run(TrainingTask& task);

 private:
  struct Session;
  struct StepOutcome;
  Status prepare(Session& session);
  Status attachRun(Session& session);
  Status startRun(Session& session);
  RunResult train(Session& session);
  StepOutcome trainStep(Session& session, std::int64_t step);
  Status finish(Session& session, RunResult& result);

  const config::ExperimentConfig& m_cfg;
  TrainOptions m_options;
  LogSink& m_log;
  ProgressObserver& m_progress;
  const CancelToken& m_cancel;
  std::vector<std::unique_ptr<TrainingObserver>> m_observers;
  std::vector<std::unique_ptr<StepHook>> m_hooks;
};

// The task of cfg.run.kind (contrastive, caption or vqa) on the one loop with the standard
// observers: what `vimoe train`, studies and the tests call.
RunResult runTraining(const config::ExperimentConfig& cfg, const TrainOptions& options, LogSink& log,
                      ProgressObserver& progress, const CancelToken& cancel);

}  // namespace vimoe::train
