#include "vimoe/train/training_loop.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "adversarial_batch.h"
#include "mixed_precision.h"
#include "run_setup.h"
#include "training_observers.h"
#include "vimoe/config/config_io.h"
#include "vimoe/data/ordered_prefetch.h"
#include "vimoe/train/batch_augment.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/device.h"
#include "vimoe/train/lr_schedule.h"
#include "vimoe/train/project_data.h"
#include "vimoe/util/sha256.h"

namespace vimoe::train {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The eval rows' headline metrics for RunResult::finalMetrics (what study tables read):
// "caption/cider_d" -> "eval/caption/cider_d", baselines under their own name, per-type and
// per-sample breakdowns (a second '/') and bare names (contrastive val rows) left out.
void addFinalMetrics(const std::vector<store::EvalRow>& rows, std::map<std::string, double>& finalMetrics) {
  for (const auto& row : rows) {
    if (row.metric.rfind("baseline/", 0) == 0)
      finalMetrics[row.metric] = row.value;
    else if (std::count(row.metric.begin(), row.metric.end(), '/') == 1)
      finalMetrics["eval/" + row.metric] = row.value;
  }
}

}  // namespace

RunRecord::RunRecord(const config::ExperimentConfig& cfg, store::RunStore& store, TrainingTask& task, AdamW& optimizer,
                     std::int64_t runId, std::string checkpointDir)
    : cfg(cfg), store(store), task(task), optimizer(optimizer), runId(runId), checkpointDir(std::move(checkpointDir)) {}

Status RunRecord::logScalars(std::int64_t step, const Scalars& values) {
  for (const auto& [k, v] : values) m_lastMetrics[k] = v;
  return store.logScalars(runId, step, values);
}

Status RunRecord::checkpoint(std::int64_t step) const {
  TrainingState state;
  state.step = step;
  state.runId = runId;
  state.seed = cfg.run.seed;
  for (const auto& [k, v] : m_lastMetrics)
    if (std::isfinite(v)) state.metrics[k] = v;
  return saveCheckpoint(checkpointDir, task.module(), &optimizer, cfg, state);
}

// Everything one run holds between setup and the end.
struct TrainingLoop::Session {
  explicit Session(TrainingTask& task) : task(task) {}
  TrainingTask& task;
  std::unique_ptr<store::RunStore> store;
  std::optional<text::Tokenizer> tokenizer;  // the task keeps a pointer to it
  torch::Device device = torch::kCPU;
  std::vector<torch::Tensor> trainable;  // the optimiser's tensors, for the loss scaler
  std::unique_ptr<AdamW> optimizer;
  std::unique_ptr<RunRecord> run;
  std::int64_t runId = 0;  // known as soon as the run is registered or found
  bool registered = false;  // a failure from here on also marks the run failed in the store
  std::int64_t startStep = 0;
  LossScaler scaler{false};
  std::int64_t skippedImages = 0;
  // Micro-batches built ahead by data.loader_threads workers (decoding when the split streams).
  std::unique_ptr<data::OrderedPrefetch<TaskBatch>> batches;
};

struct TrainingLoop::StepOutcome {
  double loss = 0;
  double gradNorm = 0;
  double lr = 0;
  std::int64_t samples = 0;
  bool finite = true;
  bool stepSkipped = false;
  TaskForward out;
};

TrainingLoop::TrainingLoop(const config::ExperimentConfig& cfg, TrainOptions options, LogSink& log,
                           ProgressObserver& progress, const CancelToken& cancel)
    : m_cfg(cfg), m_options(std::move(options)), m_log(log), m_progress(progress), m_cancel(cancel) {}

TrainingLoop::~TrainingLoop() = default;

void TrainingLoop::addObserver(std::unique_ptr<TrainingObserver> observer) { m_observers.push_back(std::move(observer)); }
void TrainingLoop::addStepHook(std::unique_ptr<StepHook> hook) { m_hooks.push_back(std::move(hook)); }

void TrainingLoop::addStandardObservers() {
  for (auto& observer : standardObservers(m_progress)) addObserver(std::move(observer));
  if (auto hook = adversarialHook(m_cfg)) addStepHook(std::move(hook));
}

// Validate, open the store, load the task's data, seed, build the model on its device and
// the optimiser. Nothing is in the store yet.
Status TrainingLoop::prepare(Session& s) {
  if (auto issues = config::validate(m_cfg); !issues.empty()) {
    std::string message = "invalid config:";
    for (const auto& issue : issues) message += "\n  " + issue.toString();
    return Error{message};
  }
  auto store = store::RunStore::open(m_options.storePath);
  if (!store) return store.error();
  s.store = std::move(*store);
  auto project = prepareProjectData(m_cfg, m_options.projectDir, m_log, m_progress, m_cancel);
  if (!project) return project.error();
  auto tokenizer = prepareTokenizer(m_cfg, m_options.projectDir, project->train, m_log);
  if (!tokenizer) return tokenizer.error();
  s.tokenizer.emplace(std::move(*tokenizer));
  if (auto st = s.task.loadData(*project, *s.tokenizer, m_log); !st) return st;
  auto device = resolveDevice(m_cfg.run.device);
  if (!device) return device.error();
  s.device = *device;
  if (auto st = checkPrecision(m_cfg.run.precision, s.device); !st) return st;
  s.scaler = LossScaler(m_cfg.run.precision == "fp16");
  torch::manual_seed(m_cfg.run.seed);
  if (auto st = s.task.buildModel(s.device, m_options.resumeRunId.has_value(), m_log); !st) return st;
  auto params = s.task.trainableParameters();
  for (const auto& p : params) s.trainable.push_back(p.tensor);
  s.optimizer = std::make_unique<AdamW>(std::move(params), m_cfg.optim);
  return okStatus();
}

// Resume the run named by the options from its last checkpoint, or register a new one.
Status TrainingLoop::attachRun(Session& s) {
  std::string checkpointDir;
  if (m_options.resumeRunId) {
    s.runId = *m_options.resumeRunId;
    auto resumed = resumeRun(*s.store, s.runId, s.task.module(), *s.optimizer, s.startStep);
    if (!resumed) return resumed.error();
    checkpointDir = resumed->checkpointDir;
    m_log.info("resuming run " + std::to_string(s.runId) + " at step " + std::to_string(s.startStep));
  } else {
    std::vector<std::string> layerNames;
    for (const auto& [name, layer] : s.task.moeLayers()) layerNames.push_back(name);
    auto setup = registerNewRun(*s.store, m_cfg, m_options, layerNames);
    if (!setup) return setup.error();
    s.runId = setup->runId;
    checkpointDir = setup->checkpointDir;
  }
  s.registered = true;
  s.run = std::make_unique<RunRecord>(m_cfg, *s.store, s.task, *s.optimizer, s.runId, checkpointDir);
  return okStatus();
}

// Mark the run running and put beside the checkpoint what it needs to be used alone.
Status TrainingLoop::startRun(Session& s) {
  const bool resuming = m_options.resumeRunId.has_value();
  if (auto st = s.store->setRunStatus(s.runId, store::RunStatus::Running); !st) return st;
  const auto& dir = s.run->checkpointDir;
  auto tokenizer = tokenizerPathFor(m_cfg, m_options.projectDir);
  if (!tokenizer) return tokenizer.error();
  if (auto st = copyTokenizerIntoCheckpoint(*tokenizer, dir); !st) return st;
  if (auto st = s.task.writeCheckpointFiles(dir); !st) return st;
  if (auto st = s.task.startRoutingSnapshots(*s.store, s.runId, resuming); !st) return st;
  const auto counts = s.task.parameterCounts();
  m_log.info("run " + std::to_string(s.runId) + " '" + m_cfg.run.name + "' (" + s.task.describe() + ") on " +
             s.device.str() + " in " + m_cfg.run.precision + ": " + std::to_string(counts.total) + " parameters, " +
             std::to_string(counts.active) + " active per token; checkpoints in " + dir);
  return okStatus();
}

// One optimiser step: optim.accumulate micro-batches, each a pure function of its index.
TrainingLoop::StepOutcome TrainingLoop::trainStep(Session& s, std::int64_t step) {
  const int micro = m_cfg.optim.accumulate;
  StepOutcome r;
  s.optimizer->zeroGrad();
  double lossSum = 0;
  int counted = 0;
  for (int m = 0; m < micro; ++m) {
    const std::int64_t index = step * micro + m;
    const TaskBatch batch = *s.batches->next();
    for (const auto& path : batch.problems) m_log.warning(path + ": cannot be decoded, left out of micro-batch " + std::to_string(index));
    s.skippedImages += static_cast<std::int64_t>(batch.problems.size());
    if (batch.size() == 0) continue;
    auto pixels = pixelsFromBytes(batch.pixels.to(s.device, /*non_blocking=*/true));
    for (auto& hook : m_hooks) pixels = hook->beforeForward(s.task, batch, pixels, index);
    {
      AutocastScope autocast(s.device, m_cfg.run.precision);
      r.out = s.task.forward(batch, pixels);
    }
    auto loss = r.out.taskLoss.to(torch::kFloat32) + r.out.aux.weightedTotal(m_cfg.loss);
    const double value = loss.item<double>();
    if (!std::isfinite(value)) {
      r.finite = false;
      r.loss = value;
      return r;
    }
    lossSum += value;
    ++counted;
    if (micro > 1) loss = loss / micro;
    s.scaler.scale(loss).backward();
    r.samples += batch.size();
  }
  r.loss = lossSum / std::max(1, counted);
  const bool finiteGradients = s.scaler.unscale(s.trainable);
  r.gradNorm = s.optimizer->clipGradNorm(m_cfg.optim.grad_clip);
  r.lr = learningRate(m_cfg.optim, static_cast<int>(step), m_cfg.run.steps);
  if (finiteGradients) s.optimizer->step(r.lr);
  r.stepSkipped = !finiteGradients;
  s.scaler.update(finiteGradients);
  return r;
}

RunResult TrainingLoop::train(Session& s) {
  RunResult result;
  result.runId = s.runId;
  result.checkpointDir = s.run->checkpointDir;
  const auto counts = s.task.parameterCounts();
  result.totalParameters = counts.total;
  result.activeParameters = counts.active;
  double trainSeconds = 0;
  std::int64_t trainSamples = 0;
  const auto started = Clock::now();
  std::int64_t step = s.startStep;
  result.outcome = RunOutcome::Finished;
  // Micro-batch indices step * accumulate + m from the first step this session runs, a few steps
  // ahead of the optimiser.
  const int micro = m_cfg.optim.accumulate, workers = m_cfg.data.loader_threads;
  const BatchAugment augment = batchAugmentOf(m_cfg.data);
  const std::uint64_t seed = m_cfg.run.seed;
  const bool pin = s.device.is_cuda();  // page-locked, so the copy to the GPU overlaps the step
  s.batches = std::make_unique<data::OrderedPrefetch<TaskBatch>>(
      [&task = s.task, augment, seed, pin](std::int64_t index) {
        TaskBatch batch = task.trainBatch(index);
        if (batch.size() > 0) batch.pixels = augmentPixels(batch.pixels, batch.mirrorable, augment, seed, index);
        if (pin && batch.size() > 0) batch.pixels = batch.pixels.pin_memory();
        return batch;
      },
      step * micro,
      std::int64_t(m_cfg.run.steps) * micro, workers, 2 * workers + micro);
  s.task.module().train();
  for (; step < m_cfg.run.steps; ++step) {
    if (m_cancel.cancelled()) {
      result.outcome = RunOutcome::Cancelled;
      break;
    }
    const auto t0 = Clock::now();
    const StepOutcome out = trainStep(s, step);
    const std::int64_t done = step + 1;
    if (!out.finite) {
      (void)s.run->logScalars(done, {{"train/loss", out.loss}});
      result.message = "loss became " + std::to_string(out.loss) + " at step " + std::to_string(done);
      result.outcome = RunOutcome::Diverged;
      break;
    }
    trainSeconds += secondsSince(t0);
    trainSamples += out.samples;
    StepRecord record{done, m_cfg.run.steps, done == m_cfg.run.steps, out.loss, out.lr, out.gradNorm,
                      trainSamples / std::max(1e-9, trainSeconds), secondsSince(started), &out.out, s.skippedImages,
                      s.scaler.current(), out.stepSkipped};
    auto observed = [&]() -> Status {
      if (auto st = s.store->beginBatch(); !st) return st;
      for (auto& o : m_observers)
        if (auto st = o->afterStep(record, *s.run); !st) return st;
      if (auto st = s.store->commitBatch(); !st) return st;
      for (auto& o : m_observers)
        if (auto st = o->afterCommit(record, *s.run); !st) return st;
      return okStatus();
    }();
    if (!observed) return failedRun(observed.error().message, s.runId);
  }
  s.batches.reset();
  result.step = step;
  result.samplesPerSecond = trainSamples / std::max(1e-9, trainSeconds);
  return result;
}

// Cancelled: one last checkpoint. Finished: the checkpoint artifact's digest and the task's
// final evaluation. Then the run's status.
Status TrainingLoop::finish(Session& s, RunResult& result) {
  if (result.outcome == RunOutcome::Cancelled) {
    if (auto st = s.run->checkpoint(result.step); !st) return st;
    m_log.info("run " + std::to_string(s.runId) + " cancelled at step " + std::to_string(result.step) + "; checkpoint written");
  }
  if (result.outcome == RunOutcome::Finished) {
    // Trace results to the exact weights that produced them: the checkpoint artifact is the
    // folder, its sha256 that of the folder's model.safetensors.
    const auto& dir = s.run->checkpointDir;
    if (auto digest = sha256File(dir + "/model.safetensors"))
      if (auto st = s.store->addArtifact(s.runId, "checkpoint", dir, *digest); !st) return st;
    auto rows = s.task.finalEvaluation(s.run->lastMetrics());
    if (!rows) return rows.error();
    if (auto st = s.store->beginBatch(); !st) return st;
    for (const auto& row : *rows)
      if (auto st = s.store->writeEval(s.runId, row); !st) return st;
    if (auto st = s.store->commitBatch(); !st) return st;
    addFinalMetrics(*rows, result.finalMetrics);
  }
  if (auto st = s.store->setRunStatus(s.runId, statusFor(result.outcome)); !st) return st;
  for (const auto& [k, v] : s.run->lastMetrics()) result.finalMetrics.emplace(k, v);
  return okStatus();
}

RunResult TrainingLoop::run(TrainingTask& task) {
  Session s(task);
  // Before a run is registered a failure leaves the store untouched; after, the run is marked
  // failed too, so the workbench never shows a dead run as running.
  auto fail = [&s](const std::string& message) {
    if (s.registered) (void)s.store->setRunStatus(s.runId, store::RunStatus::Failed);
    return failedRun(message, s.runId);
  };
  // LibTorch reports what it cannot do (an op without a kernel for this dtype or device, memory)
  // by throwing: the run fails with that message instead of taking the process down.
  try {
    if (auto st = prepare(s); !st) return fail(st.error().message);
    if (auto st = attachRun(s); !st) return fail(st.error().message);
    if (auto st = startRun(s); !st) return fail(st.error().message);
    RunResult result = train(s);
    if (result.outcome == RunOutcome::Failed) return fail(result.message);
    if (auto st = finish(s, result); !st) return fail(st.error().message);
    return result;
  } catch (const c10::Error& e) {
    return fail(std::string("LibTorch: ") + e.what_without_backtrace());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace vimoe::train
