#include "vimoe/train/trainer.h"

#include <chrono>
#include <cmath>
#include <filesystem>

#include "adversarial_batch.h"
#include "contrastive_eval.h"
#include "aux_scalars.h"
#include "run_setup.h"
#include "expert_load_logger.h"
#include "routing_snapshot.h"
#include "vimoe/cli/version.h"
#include "vimoe/config/config_io.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/adamw.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/device.h"
#include "vimoe/train/init_from.h"
#include "vimoe/train/lr_schedule.h"
#include "vimoe/train/project_data.h"
#include "vimoe/util/sha256.h"

namespace vimoe::train {
namespace fs = std::filesystem;

const char* runOutcomeName(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::Finished: return "finished";
    case RunOutcome::Cancelled: return "cancelled";
    case RunOutcome::Failed: return "failed";
    case RunOutcome::Diverged: return "diverged";
  }
  return "?";
}

namespace {

using Clock = std::chrono::steady_clock;

RunResult failed(const std::string& message, std::int64_t runId = 0) { return failedRun(message, runId); }

// Everything one training run holds; the loop below is its only user.
struct TrainingSession {
  const config::ExperimentConfig& cfg;
  store::RunStore& store;
  LogSink& log;
  std::int64_t runId;
  std::string checkpointDir;
  model::ClipModel model;
  AdamW optimizer;
  ContrastiveSplit train, val;
  std::map<std::string, double> lastMetrics;
  std::vector<std::string> layerNames;  // MoE layers, in ClipModel::moeLayers() order
  ProbeSet probe;
  torch::Device device;

  Status routingSnapshot(std::int64_t step) {
    if (layerNames.empty() || probe.samples.empty()) return okStatus();
    auto snapshot = takeRoutingSnapshot(model, probe, step);
    if (auto s = store.logRouting(runId, snapshot.rows); !s) return s;
    return store.logExpertClass(runId, snapshot.expertClass);
  }

  Status logScalars(std::int64_t step, std::vector<std::pair<std::string, double>> values) {
    for (const auto& [k, v] : values) lastMetrics[k] = v;
    return store.logScalars(runId, step, values);
  }

  Status checkpoint(std::int64_t step) {
    TrainingState state;
    state.step = step;
    state.runId = runId;
    state.seed = cfg.run.seed;
    for (const auto& [k, v] : lastMetrics)
      if (std::isfinite(v)) state.metrics[k] = v;
    return saveCheckpoint(checkpointDir, *model, &optimizer, cfg, state);
  }
};

}  // namespace

RunResult runContrastiveTraining(const config::ExperimentConfig& cfg, const TrainOptions& options, LogSink& log,
                                 ProgressObserver& progress, const CancelToken& cancel) {
  if (auto issues = config::validate(cfg); !issues.empty()) {
    std::string message = "invalid config:";
    for (const auto& issue : issues) message += "\n  " + issue.toString();
    return failed(message);
  }
  auto storeOpened = store::RunStore::open(options.storePath);
  if (!storeOpened) return failed(storeOpened.error().message);
  auto& store = **storeOpened;

  auto data = prepareProjectData(cfg, options.projectDir, log, progress, cancel);
  if (!data) return failed(data.error().message);
  auto tokenizer = prepareTokenizer(cfg, options.projectDir, data->train, log);
  if (!tokenizer) return failed(tokenizer.error().message);
  auto trainSplit = buildContrastiveSplit(data->train, *tokenizer, cfg.data.image_size, cfg.data.max_text_tokens, log);
  if (!trainSplit) return failed(trainSplit.error().message);
  auto valSplit = buildContrastiveSplit(data->val, *tokenizer, cfg.data.image_size, cfg.data.max_text_tokens, log);
  if (!valSplit) return failed(valSplit.error().message);

  auto device = resolveDevice(cfg.run.device);
  if (!device) return failed(device.error().message);
  torch::manual_seed(cfg.run.seed);
  model::ClipModel model(cfg);
  if (!cfg.model.init_from.empty() && !options.resumeRunId) {
    const auto from = resolveProjectPath(options.projectDir, cfg.model.init_from);
    model::UpcycleOptions upcycle;
    upcycle.seed = cfg.run.seed;
    auto report = initialiseFromCheckpoint(from, model, upcycle);
    if (!report) return failed("model.init_from: " + report.error().message);
    log.info(report->moeLayers > 0 ? "upcycled " + from + " into " + std::to_string(report->moeLayers) + " MoE layers of " +
                                         std::to_string(report->experts) + " experts"
                                   : "initialised from " + from);
  }
  model->to(*device);
  AdamW optimizer(adamwParams(*model), cfg.optim);

  std::int64_t runId = 0, startStep = 0;
  std::string checkpointDir;
  if (options.resumeRunId) {
    auto resumed = resumeRun(store, *options.resumeRunId, *model, optimizer, startStep);
    if (!resumed) return failed(resumed.error().message, *options.resumeRunId);
    runId = resumed->runId;
    checkpointDir = resumed->checkpointDir;
    log.info("resuming run " + std::to_string(runId) + " at step " + std::to_string(startStep));
  } else {
    std::vector<std::string> layerNames;
    for (auto& [name, layer] : model->moeLayers()) layerNames.push_back(name);
    auto setup = registerNewRun(store, cfg, options, layerNames);
    if (!setup) return failed(setup.error().message);
    runId = setup->runId;
    checkpointDir = setup->checkpointDir;
  }
  // From here on a failure also marks the run failed in the store, so the GUI never shows a
  // dead run as running.
  auto failRun = [&store, runId](const std::string& message) {
    (void)store.setRunStatus(runId, store::RunStatus::Failed);
    return failed(message, runId);
  };
  if (auto s = store.setRunStatus(runId, store::RunStatus::Running); !s) return failRun(s.error().message);
  if (auto s = copyTokenizerIntoCheckpoint(resolveProjectPath(options.projectDir, cfg.data.tokenizer), checkpointDir); !s)
    return failRun(s.error().message);

  TrainingSession session{cfg, store, log, runId, checkpointDir, model, std::move(optimizer),
                          std::move(*trainSplit), std::move(*valSplit), {}, {}, {}, *device};
  for (auto& [name, layer] : model->moeLayers()) session.layerNames.push_back(name);
  session.probe = buildProbeSet(session.val, *tokenizer, cfg.run.probe_images);
  if (!options.resumeRunId && !session.layerNames.empty() && !session.probe.samples.empty())
    if (auto s = store.setProbeSamples(runId, session.probe.samples); !s) return failRun(s.error().message);
  if (!options.resumeRunId && !session.layerNames.empty())  // routing at initialisation, for comparison
    if (auto s = session.routingSnapshot(0); !s) return failRun(s.error().message);
  const auto counts = model->parameterCounts();
  RunResult result;
  result.runId = runId;
  result.checkpointDir = checkpointDir;
  result.totalParameters = counts.total;
  result.activeParameters = counts.active;
  log.info("run " + std::to_string(runId) + " '" + cfg.run.name + "' on " + device->str() + ": " +
           std::to_string(counts.total) + " parameters, " +
           std::to_string(counts.active) + " active per token; " + std::to_string(session.train.imageCount()) +
           " training images; checkpoints in " + checkpointDir);

  const int steps = cfg.run.steps;
  double trainSeconds = 0;
  std::int64_t trainSamples = 0;
  const auto started = Clock::now();
  std::int64_t step = startStep;
  RunOutcome outcome = RunOutcome::Finished;
  model->train();
  for (; step < steps; ++step) {
    if (cancel.cancelled()) {
      outcome = RunOutcome::Cancelled;
      break;
    }
    const auto t0 = Clock::now();
    const auto batch = contrastiveBatch(session.train, cfg.run.seed, step, cfg.optim.batch_size);
    auto pixels = batch.pixels.to(*device);
    const auto ids = batch.ids.to(*device);
    if (adversarialTraining(cfg.adversarial))
      pixels = adversarialPixels(*model, cfg.adversarial, pixels,
                                 [&](const torch::Tensor& px) { return model->contrastiveLoss(model->forward(px, ids)); },
                                 cfg.run.seed * 1000003u + static_cast<std::uint64_t>(step));
    auto out = model->forward(pixels, ids);
    const auto taskLoss = model->contrastiveLoss(out);
    const auto loss = taskLoss + out.aux.weightedTotal(cfg.loss);
    const double lossValue = loss.item<double>();
    const std::int64_t done = step + 1;
    if (!std::isfinite(lossValue)) {
      (void)session.logScalars(done, {{"train/loss", lossValue}});
      result.message = "loss became " + std::to_string(lossValue) + " at step " + std::to_string(done);
      outcome = RunOutcome::Diverged;
      break;
    }
    session.optimizer.zeroGrad();
    loss.backward();
    const double gradNorm = session.optimizer.clipGradNorm(cfg.optim.grad_clip);
    const double lr = learningRate(cfg.optim, static_cast<int>(step), steps);
    session.optimizer.step(lr);
    trainSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
    trainSamples += batch.pixels.size(0);
    const bool last = done == steps;

    if (auto s = store.beginBatch(); !s) return failRun(s.error().message);
    if (done % cfg.run.log_every == 0 || last) {
      std::vector<std::pair<std::string, double>> values = {
          {"train/loss", lossValue}, {"train/contrastive_loss", taskLoss.item<double>()}, {"train/lr", lr},
          {"train/grad_norm", gradNorm}, {"train/logit_scale", model->logitScale().item<double>()},
          {"train/samples_per_s", trainSamples / std::max(1e-9, trainSeconds)}};
      if (model->usesSiglip()) values.emplace_back("train/logit_bias", model->logitBias().item<double>());
      appendAuxScalars(out.aux, session.layerNames, cfg.moe.num_experts, values);
      if (auto s = session.logScalars(done, values); !s) return failRun(s.error().message);
      if (auto s = store.setRunProgress(runId, done); !s) return failRun(s.error().message);
    }
    if (out.aux.layers > 0 && (done % cfg.run.expert_load_every == 0 || last)) {
      auto snapshot = takeExpertLoadSnapshot(model->moeLayers(), done);
      if (auto s = store.logExpertLoad(runId, snapshot.rows); !s) return failRun(s.error().message);
      if (auto s = session.logScalars(done, snapshot.scalars); !s) return failRun(s.error().message);
    }
    if (done % cfg.run.routing_every == 0 || last)
      if (auto s = session.routingSnapshot(done); !s) return failRun(s.error().message);
    if (done % cfg.run.eval_every == 0 || last) {
      auto metrics = evaluateContrastive(model, session.val, cfg.optim.batch_size);
      if (auto s = session.logScalars(done, {metrics.begin(), metrics.end()}); !s) return failRun(s.error().message);
    }
    if (auto s = store.commitBatch(); !s) return failRun(s.error().message);
    if (done % cfg.run.checkpoint_every == 0 || last)
      if (auto s = session.checkpoint(done); !s) return failRun(s.error().message);

    reportStep(progress, "train " + cfg.run.name, done, steps, std::chrono::duration<double>(Clock::now() - started).count(),
               lossValue);
  }

  result.step = step;
  result.samplesPerSecond = trainSamples / std::max(1e-9, trainSeconds);
  if (outcome == RunOutcome::Cancelled) {
    if (auto s = session.checkpoint(step); !s) return failRun(s.error().message);
    log.info("run " + std::to_string(runId) + " cancelled at step " + std::to_string(step) + "; checkpoint written");
  }
  const auto status = statusFor(outcome);
  if (outcome == RunOutcome::Finished) {
    // Trace results to the exact weights that produced them: the checkpoint artifact is the
    // folder, its sha256 that of the folder's model.safetensors.
    if (auto digest = sha256File(checkpointDir + "/model.safetensors"))
      if (auto s = store.addArtifact(runId, "checkpoint", checkpointDir, *digest); !s) return failRun(s.error().message);
    for (const auto& [key, value] : session.lastMetrics)
      if (key.rfind("val/", 0) == 0)
        if (auto s = store.writeEval(runId, {"val", key.substr(4), value, "{}"}); !s) return failRun(s.error().message);
  }
  if (auto s = store.setRunStatus(runId, status); !s) return failRun(s.error().message);
  result.outcome = outcome;
  result.finalMetrics = session.lastMetrics;
  return result;
}

}  // namespace vimoe::train
