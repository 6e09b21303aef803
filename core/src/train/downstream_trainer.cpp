#include "vimoe/train/downstream_trainer.h"

#include <chrono>
#include <cmath>

#include "adversarial_batch.h"
#include "aux_scalars.h"
#include "expert_load_logger.h"
#include "run_setup.h"
#include "vimoe/config/config_io.h"
#include "vimoe/eval/baselines.h"
#include "vimoe/eval/caption_eval.h"
#include "vimoe/eval/eval_rows.h"
#include "vimoe/eval/vqa_eval.h"
#include "vimoe/model/vision_language_model.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/adamw.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/device.h"
#include "vimoe/train/downstream_losses.h"
#include "vimoe/train/encoder_init.h"
#include "vimoe/train/lr_schedule.h"
#include "vimoe/train/project_data.h"
#include "vimoe/train/vqa_data.h"
#include "vimoe/util/sha256.h"

namespace vimoe::train {
namespace {

using Clock = std::chrono::steady_clock;
using Scalars = std::vector<std::pair<std::string, double>>;

// The splits of the chosen task: captions reuse the contrastive split (images + every caption).
struct TaskData {
  bool vqa = false;
  ContrastiveSplit captionTrain, captionVal;
  VqaSplit vqaTrain, vqaVal;
  AnswerVocabulary vocabulary;
  std::int64_t trainItems() const { return vqa ? vqaTrain.questionCount() : captionTrain.captionIds.size(0); }
};

Expected<TaskData> loadTaskData(const config::ExperimentConfig& cfg, const ProjectData& project,
                                const text::Tokenizer& tokenizer, const std::string& projectDir, LogSink& log) {
  TaskData data;
  const int size = cfg.data.image_size, tokens = cfg.data.max_text_tokens;
  if (cfg.run.kind == "caption") {
    auto train = buildContrastiveSplit(project.train, tokenizer, size, tokens, log);
    if (!train) return train.error();
    auto val = buildContrastiveSplit(project.val, tokenizer, size, tokens, log);
    if (!val) return val.error();
    data.captionTrain = std::move(*train);
    data.captionVal = std::move(*val);
    return data;
  }
  data.vqa = true;
  const std::string root = resolveProjectPath(projectDir, cfg.data.root);
  const std::string imageDir = (std::filesystem::path(root) / cfg.data.image_dir).string();
  auto trainSet = loadVqaFile((std::filesystem::path(root) / cfg.data.train_questions).string(), imageDir, log);
  if (!trainSet) return Error{"data.train_questions: " + trainSet.error().message};
  auto valSet = loadVqaFile((std::filesystem::path(root) / cfg.data.val_questions).string(), imageDir, log);
  if (!valSet) return Error{"data.val_questions: " + valSet.error().message};
  data.vocabulary = buildAnswerVocabulary(*trainSet, cfg.task.max_answers);
  if (data.vocabulary.answers.size() < 2)
    return Error{"data.train_questions: fewer than two distinct answers; nothing to classify"};
  auto train = buildVqaSplit(*trainSet, tokenizer, data.vocabulary, size, tokens, log);
  if (!train) return train.error();
  auto val = buildVqaSplit(*valSet, tokenizer, data.vocabulary, size, tokens, log);
  if (!val) return val.error();
  data.vqaTrain = std::move(*train);
  data.vqaVal = std::move(*val);
  return data;
}

model::GenerationOptions generationOptions(const config::ExperimentConfig& cfg, bool duringTraining) {
  model::GenerationOptions g;
  // Evaluations during training decode greedily (fast, the trend is what matters); the final
  // evaluation uses the configured beam.
  g.beamWidth = duringTraining ? 1 : cfg.task.beam_width;
  g.lengthPenalty = cfg.task.length_penalty;
  g.maxLength = cfg.task.max_length > 0 ? cfg.task.max_length : cfg.data.max_text_tokens;
  return g;
}

metrics::MetricTokenization metricTokenization(const config::ExperimentConfig& cfg) {
  metrics::MetricTokenization t = metrics::MetricTokenization::Syllables;
  metrics::parseTokenization(cfg.task.metric_tokenization, t);
  return t;
}

// One training or validation batch of the task, from item rows (captions or questions).
struct TaskBatch {
  torch::Tensor pixels, ids, answerStart, answerClass;
};

TaskBatch taskBatch(const TaskData& data, bool generative, const torch::Tensor& rows, bool validation) {
  TaskBatch b;
  if (!data.vqa) {
    const auto& split = validation ? data.captionVal : data.captionTrain;
    b.pixels = pixelsFromBytes(split.images.index_select(0, split.captionImage.index_select(0, rows)));
    b.ids = split.captionIds.index_select(0, rows);
    return b;
  }
  const auto& split = validation ? data.vqaVal : data.vqaTrain;
  b.pixels = pixelsFromBytes(split.images.index_select(0, split.questionImage.index_select(0, rows)));
  b.ids = (generative ? split.sequences : split.questionTokens).index_select(0, rows);
  b.answerStart = split.answerStart.index_select(0, rows);
  b.answerClass = split.answerClass.index_select(0, rows);
  return b;
}

struct StepOutput {
  torch::Tensor taskLoss;
  model::AuxLosses aux;
};

StepOutput forwardTask(model::VisionLanguageModel& model, const TaskBatch& batch, bool vqa, bool generative,
                       bool frozenEncoder, torch::Device device) {
  StepOutput out;
  torch::Tensor memory;
  if (frozenEncoder) {
    torch::NoGradGuard noGrad;
    model::AuxLosses ignored;  // a frozen tower's routers are not trained
    memory = model->encodeImage(batch.pixels.to(device), ignored);
  } else {
    memory = model->encodeImage(batch.pixels.to(device), out.aux);
  }
  const auto ids = batch.ids.to(device);
  if (!vqa)
    out.taskLoss = captionLoss(model->tokenLogits(memory, ids, out.aux), ids);
  else if (generative)
    out.taskLoss = answerSequenceLoss(model->tokenLogits(memory, ids, out.aux), ids, batch.answerStart.to(device));
  else
    out.taskLoss = answerClassLoss(model->answerLogits(memory, ids, out.aux), batch.answerClass.to(device));
  return out;
}

// Validation loss over the first 512 validation images (their first caption) or questions.
double validationLoss(model::VisionLanguageModel& model, const TaskData& data, bool generative, int batchSize,
                      torch::Device device) {
  torch::NoGradGuard noGrad;
  model->eval();
  const std::int64_t items =
      std::min<std::int64_t>(512, data.vqa ? data.vqaVal.questionCount() : data.captionVal.imageCount());
  double sum = 0;
  std::int64_t counted = 0;
  for (std::int64_t start = 0; start < items; start += batchSize) {
    const auto size = std::min<std::int64_t>(batchSize, items - start);
    const auto rows = data.vqa ? torch::arange(start, start + size, torch::kLong)
                               : data.captionVal.firstCaption.narrow(0, start, size);
    const auto out = forwardTask(model, taskBatch(data, generative, rows, true), data.vqa, generative, false, device);
    sum += out.taskLoss.item<double>() * static_cast<double>(size);
    counted += size;
  }
  model->train();
  return sum / std::max<std::int64_t>(1, counted);
}

}  // namespace

RunResult runDownstreamTraining(const config::ExperimentConfig& cfg, const TrainOptions& options, LogSink& log,
                                ProgressObserver& progress, const CancelToken& cancel) {
  if (auto issues = config::validate(cfg); !issues.empty()) {
    std::string message = "invalid config:";
    for (const auto& issue : issues) message += "\n  " + issue.toString();
    return failedRun(message);
  }
  const bool generative = cfg.run.kind == "vqa" && cfg.task.vqa_head == "generate";
  auto storeOpened = store::RunStore::open(options.storePath);
  if (!storeOpened) return failedRun(storeOpened.error().message);
  auto& store = **storeOpened;
  auto project = prepareProjectData(cfg, options.projectDir, log, progress, cancel);
  if (!project) return failedRun(project.error().message);
  const std::string tokenizerPath = resolveProjectPath(options.projectDir, cfg.data.tokenizer);
  auto tokenizer = prepareTokenizer(cfg, options.projectDir, project->train, log);
  if (!tokenizer) return failedRun(tokenizer.error().message);
  auto loaded = loadTaskData(cfg, *project, *tokenizer, options.projectDir, log);
  if (!loaded) return failedRun(loaded.error().message);
  TaskData& data = *loaded;

  auto device = resolveDevice(cfg.run.device);
  if (!device) return failedRun(device.error().message);
  torch::manual_seed(cfg.run.seed);
  const int answerClasses = data.vqa && !generative ? static_cast<int>(data.vocabulary.answers.size()) : 0;
  model::VisionLanguageModel model(cfg, answerClasses);
  if (!cfg.task.encoder_from.empty() && !options.resumeRunId) {
    auto what = initialiseImageTower(resolveProjectPath(options.projectDir, cfg.task.encoder_from), cfg, model, cfg.run.seed);
    if (!what) return failedRun(what.error().message);
    log.info(*what);
  }
  model->to(*device);
  const bool frozen = cfg.task.freeze_encoder;
  auto params = adamwParams(*model);
  if (frozen) {
    for (auto& p : model->vision()->parameters()) p.set_requires_grad(false);
    params.erase(std::remove_if(params.begin(), params.end(), [](const AdamW::Param& p) { return p.name.rfind("image.", 0) == 0; }),
                 params.end());
  }
  AdamW optimizer(params, cfg.optim);
  std::vector<std::pair<std::string, model::MoeLayer>> moeLayers = model->moeLayers();
  std::vector<std::string> layerNames;
  for (const auto& [name, layer] : moeLayers) layerNames.push_back(name);

  std::int64_t runId = 0, startStep = 0;
  std::string checkpointDir;
  if (options.resumeRunId) {
    auto resumed = resumeRun(store, *options.resumeRunId, *model, optimizer, startStep);
    if (!resumed) return failedRun(resumed.error().message, *options.resumeRunId);
    runId = resumed->runId;
    checkpointDir = resumed->checkpointDir;
    log.info("resuming run " + std::to_string(runId) + " at step " + std::to_string(startStep));
  } else {
    auto setup = registerNewRun(store, cfg, options, layerNames);
    if (!setup) return failedRun(setup.error().message);
    runId = setup->runId;
    checkpointDir = setup->checkpointDir;
  }
  auto failRun = [&store, runId](const std::string& message) {
    (void)store.setRunStatus(runId, store::RunStatus::Failed);
    return failedRun(message, runId);
  };
  if (auto s = store.setRunStatus(runId, store::RunStatus::Running); !s) return failRun(s.error().message);
  if (auto s = copyTokenizerIntoCheckpoint(tokenizerPath, checkpointDir); !s) return failRun(s.error().message);
  if (data.vqa)
    if (auto s = writeAnswerVocabulary(checkpointDir, data.vocabulary); !s) return failRun(s.error().message);

  std::map<std::string, double> lastMetrics;
  auto logScalars = [&](std::int64_t step, const Scalars& values) {
    for (const auto& [k, v] : values) lastMetrics[k] = v;
    return store.logScalars(runId, step, values);
  };
  auto checkpoint = [&](std::int64_t step) {
    TrainingState state;
    state.step = step;
    state.runId = runId;
    state.seed = cfg.run.seed;
    for (const auto& [k, v] : lastMetrics)
      if (std::isfinite(v)) state.metrics[k] = v;
    return saveCheckpoint(checkpointDir, *model, &optimizer, cfg, state);
  };
  // Greedy-decoded metrics on the first task.eval_samples validation images (questions).
  auto generationMetrics = [&]() -> Expected<Scalars> {
    if (!data.vqa) {
      eval::CaptionEvalOptions o;
      o.generation = generationOptions(cfg, true);
      o.maxImages = cfg.task.eval_samples;
      o.tokenization = metricTokenization(cfg);
      auto e = eval::evaluateCaptioning(model, data.captionVal, *tokenizer, o);
      if (!e) return e.error();
      return Scalars{{"val/cider_d", e->scores.ciderD}, {"val/bleu4", e->scores.bleu[3]}, {"val/rouge_l", e->scores.rougeL}};
    }
    eval::VqaEvalOptions o;
    o.generative = generative;
    o.generation = generationOptions(cfg, true);
    o.maxQuestions = cfg.task.eval_samples;
    o.tokenization = metricTokenization(cfg);
    auto e = eval::evaluateVqa(model, data.vqaVal, *tokenizer, data.vocabulary, o, cfg.data.max_text_tokens);
    if (!e) return e.error();
    return Scalars{{"val/exact_match", e->scores.exactMatch}, {"val/f1", e->scores.f1}};
  };

  const auto counts = model->parameterCounts();
  RunResult result;
  result.runId = runId;
  result.checkpointDir = checkpointDir;
  result.totalParameters = counts.total;
  result.activeParameters = counts.active;
  log.info("run " + std::to_string(runId) + " '" + cfg.run.name + "' (" + cfg.run.kind +
           (data.vqa ? std::string(generative ? ", generative" : ", classifier over " +
                                                   std::to_string(data.vocabulary.answers.size()) + " answers")
                     : std::string()) +
           ") on " + device->str() + ": " + std::to_string(counts.total) + " parameters, " +
           std::to_string(counts.active) + " active per token; " + std::to_string(data.trainItems()) +
           " training items; checkpoints in " + checkpointDir);

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
    const auto rows = shuffledBatchIndices(data.trainItems(), cfg.run.seed, step, cfg.optim.batch_size);
    auto batch = taskBatch(data, generative, rows, false);
    if (adversarialTraining(cfg.adversarial)) {
      const auto clean = batch;
      batch.pixels = adversarialPixels(
          *model, cfg.adversarial, clean.pixels.to(*device),
          [&](const torch::Tensor& px) {
            TaskBatch attacked = clean;
            attacked.pixels = px;
            // Through the encoder even when it is frozen: the attack needs the pixels' gradient.
            return forwardTask(model, attacked, data.vqa, generative, /*frozenEncoder=*/false, *device).taskLoss;
          },
          cfg.run.seed * 1000003u + static_cast<std::uint64_t>(step));
    }
    auto out = forwardTask(model, batch, data.vqa, generative, frozen, *device);
    const auto loss = out.taskLoss + out.aux.weightedTotal(cfg.loss);
    const double lossValue = loss.item<double>();
    const std::int64_t done = step + 1;
    if (!std::isfinite(lossValue)) {
      (void)logScalars(done, {{"train/loss", lossValue}});
      result.message = "loss became " + std::to_string(lossValue) + " at step " + std::to_string(done);
      outcome = RunOutcome::Diverged;
      break;
    }
    optimizer.zeroGrad();
    loss.backward();
    const double gradNorm = optimizer.clipGradNorm(cfg.optim.grad_clip);
    const double lr = learningRate(cfg.optim, static_cast<int>(step), steps);
    optimizer.step(lr);
    trainSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
    trainSamples += batch.pixels.size(0);
    const bool last = done == steps;

    if (auto s = store.beginBatch(); !s) return failRun(s.error().message);
    if (done % cfg.run.log_every == 0 || last) {
      Scalars values = {{"train/loss", lossValue}, {"train/task_loss", out.taskLoss.item<double>()}, {"train/lr", lr},
                        {"train/grad_norm", gradNorm},
                        {"train/samples_per_s", trainSamples / std::max(1e-9, trainSeconds)}};
      appendAuxScalars(out.aux, layerNames, cfg.moe.num_experts, values);
      if (auto s = logScalars(done, values); !s) return failRun(s.error().message);
      if (auto s = store.setRunProgress(runId, done); !s) return failRun(s.error().message);
    }
    if (!moeLayers.empty() && (done % cfg.run.expert_load_every == 0 || last)) {
      auto snapshot = takeExpertLoadSnapshot(moeLayers, done);
      if (auto s = store.logExpertLoad(runId, snapshot.rows); !s) return failRun(s.error().message);
      if (auto s = logScalars(done, snapshot.scalars); !s) return failRun(s.error().message);
    }
    if (done % cfg.run.eval_every == 0 || last) {
      Scalars values = {{"val/loss", validationLoss(model, data, generative, cfg.optim.batch_size, *device)}};
      auto generated = generationMetrics();
      if (!generated) return failRun(generated.error().message);
      values.insert(values.end(), generated->begin(), generated->end());
      if (auto s = logScalars(done, values); !s) return failRun(s.error().message);
    }
    if (auto s = store.commitBatch(); !s) return failRun(s.error().message);
    if (done % cfg.run.checkpoint_every == 0 || last)
      if (auto s = checkpoint(done); !s) return failRun(s.error().message);

    reportStep(progress, cfg.run.kind + " " + cfg.run.name, done, steps,
               std::chrono::duration<double>(Clock::now() - started).count(), lossValue);
  }

  result.step = step;
  result.samplesPerSecond = trainSamples / std::max(1e-9, trainSeconds);
  if (outcome == RunOutcome::Cancelled) {
    if (auto s = checkpoint(step); !s) return failRun(s.error().message);
    log.info("run " + std::to_string(runId) + " cancelled at step " + std::to_string(step) + "; checkpoint written");
  }
  if (outcome == RunOutcome::Finished) {
    if (auto digest = sha256File(checkpointDir + "/model.safetensors"))
      if (auto s = store.addArtifact(runId, "checkpoint", checkpointDir, *digest); !s) return failRun(s.error().message);
    // The whole validation split with the configured beam, and the baselines beside it.
    std::vector<store::EvalRow> rows;
    const auto tokenization = metricTokenization(cfg);
    if (!data.vqa) {
      eval::CaptionEvalOptions o;
      o.generation = generationOptions(cfg, false);
      o.tokenization = tokenization;
      auto e = eval::evaluateCaptioning(model, data.captionVal, *tokenizer, o);
      if (!e) return failRun(e.error().message);
      rows = eval::captionEvalRows(*e, "val");
      std::vector<metrics::CaptionReferences> refs;
      for (const auto& s : e->samples) refs.push_back({s.id, s.references});
      auto nn = metrics::scoreCaptions(eval::nearestNeighbourCaptions(data.captionTrain, data.captionVal), refs, tokenization);
      if (!nn) return failRun(nn.error().message);
      for (auto& r : eval::captionBaselineRows(*nn, "nn_caption", "val")) rows.push_back(std::move(r));
    } else {
      eval::VqaEvalOptions o;
      o.generative = generative;
      o.generation = generationOptions(cfg, false);
      o.tokenization = tokenization;
      auto e = eval::evaluateVqa(model, data.vqaVal, *tokenizer, data.vocabulary, o, cfg.data.max_text_tokens);
      if (!e) return failRun(e.error().message);
      rows = eval::vqaEvalRows(*e, "val");
      std::vector<metrics::VqaReference> refs;
      for (const auto& s : e->samples) refs.push_back({s.id, s.answers, s.type});
      for (bool perType : {false, true}) {
        auto scores = metrics::scoreVqa(eval::majorityAnswers(data.vqaTrain, data.vqaVal, perType), refs, tokenization);
        if (!scores) return failRun(scores.error().message);
        for (auto& r : eval::vqaBaselineRows(*scores, perType ? "majority_per_type" : "majority", "val"))
          rows.push_back(std::move(r));
      }
    }
    if (auto s = store.beginBatch(); !s) return failRun(s.error().message);
    for (const auto& row : rows) {
      if (auto s = store.writeEval(runId, row); !s) return failRun(s.error().message);
      if (row.metric.rfind("baseline/", 0) != 0 && row.metric.find('/', row.metric.find('/') + 1) == std::string::npos)
        result.finalMetrics["eval/" + row.metric] = row.value;
      else if (row.metric.rfind("baseline/", 0) == 0)
        result.finalMetrics[row.metric] = row.value;
    }
    if (auto s = store.commitBatch(); !s) return failRun(s.error().message);
  }
  const auto status = statusFor(outcome);
  if (auto s = store.setRunStatus(runId, status); !s) return failRun(s.error().message);
  result.outcome = outcome;
  for (const auto& [k, v] : lastMetrics) result.finalMetrics.emplace(k, v);
  return result;
}

RunResult runTraining(const config::ExperimentConfig& cfg, const TrainOptions& options, LogSink& log,
                      ProgressObserver& progress, const CancelToken& cancel) {
  if (cfg.run.kind == "caption" || cfg.run.kind == "vqa") return runDownstreamTraining(cfg, options, log, progress, cancel);
  return runContrastiveTraining(cfg, options, log, progress, cancel);
}

}  // namespace vimoe::train
