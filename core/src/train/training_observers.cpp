#include "training_observers.h"

#include "aux_scalars.h"
#include "expert_load_logger.h"
#include "run_setup.h"

namespace vimoe::train {
namespace {

bool due(const StepRecord& step, int every) { return step.done % every == 0 || step.last; }

class ScalarLogger : public TrainingObserver {
 public:
  Status afterStep(const StepRecord& step, RunRecord& run) override {
    if (!due(step, run.cfg.run.log_every)) return okStatus();
    std::vector<std::string> layerNames;
    for (const auto& [name, layer] : run.task.moeLayers()) layerNames.push_back(name);
    Scalars values = {{"train/loss", step.loss}};
    run.task.appendTrainScalars(*step.out, values);
    values.insert(values.end(), {{"train/lr", step.lr}, {"train/grad_norm", step.gradNorm},
                                 {"train/samples_per_s", step.samplesPerSecond}});
    if (run.cfg.run.precision == "fp16") values.emplace_back("train/loss_scale", step.lossScale);
    if (step.skippedImages > 0) values.emplace_back("train/skipped_images", static_cast<double>(step.skippedImages));
    appendAuxScalars(step.out->aux, layerNames, run.cfg.moe.num_experts, values);
    if (auto s = run.logScalars(step.done, values); !s) return s;
    return run.store.setRunProgress(run.runId, step.done);
  }
};

class ExpertLoadLogger : public TrainingObserver {
 public:
  Status afterStep(const StepRecord& step, RunRecord& run) override {
    if (!due(step, run.cfg.run.expert_load_every)) return okStatus();
    const auto layers = run.task.moeLayers();
    if (layers.empty()) return okStatus();
    auto snapshot = takeExpertLoadSnapshot(layers, step.done);
    if (auto s = run.store.logExpertLoad(run.runId, snapshot.rows); !s) return s;
    return run.logScalars(step.done, snapshot.scalars);
  }
};

class RoutingSnapshots : public TrainingObserver {
 public:
  Status afterStep(const StepRecord& step, RunRecord& run) override {
    if (!due(step, run.cfg.run.routing_every)) return okStatus();
    return run.task.routingSnapshot(run.store, run.runId, step.done);
  }
};

class PeriodicEvaluation : public TrainingObserver {
 public:
  Status afterStep(const StepRecord& step, RunRecord& run) override {
    if (!due(step, run.cfg.run.eval_every)) return okStatus();
    auto metrics = run.task.evaluate();
    if (!metrics) return metrics.error();
    return run.logScalars(step.done, *metrics);
  }
};

class PeriodicCheckpoint : public TrainingObserver {
 public:
  Status afterCommit(const StepRecord& step, RunRecord& run) override {
    if (!due(step, run.cfg.run.checkpoint_every)) return okStatus();
    return run.checkpoint(step.done);
  }
};

class ProgressReporter : public TrainingObserver {
 public:
  explicit ProgressReporter(ProgressObserver& progress) : m_progress(progress) {}
  Status afterCommit(const StepRecord& step, RunRecord& run) override {
    const auto& kind = run.cfg.run.kind;
    reportStep(m_progress, (kind == "contrastive" ? std::string("train") : kind) + " " + run.cfg.run.name, step.done,
               step.steps, step.elapsedSeconds, step.loss);
    return okStatus();
  }

 private:
  ProgressObserver& m_progress;
};

}  // namespace

std::vector<std::unique_ptr<TrainingObserver>> standardObservers(ProgressObserver& progress) {
  std::vector<std::unique_ptr<TrainingObserver>> observers;
  observers.push_back(std::make_unique<ScalarLogger>());
  observers.push_back(std::make_unique<ExpertLoadLogger>());
  observers.push_back(std::make_unique<RoutingSnapshots>());
  observers.push_back(std::make_unique<PeriodicEvaluation>());
  observers.push_back(std::make_unique<PeriodicCheckpoint>());
  observers.push_back(std::make_unique<ProgressReporter>(progress));
  return observers;
}

}  // namespace vimoe::train
