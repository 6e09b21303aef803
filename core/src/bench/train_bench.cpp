#include "vimoe/bench/train_bench.h"

#include <torch/torch.h>

#include <algorithm>

#include "vimoe/config/model_presets.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/train/adamw.h"

namespace vimoe::bench {
namespace {

struct CaseShape {
  const char* name;
  int experts;
  int topK;
};

config::ExperimentConfig caseConfig(const TrainBenchOptions& options, const config::ModelPreset& preset,
                                    const CaseShape& shape) {
  config::ExperimentConfig cfg;
  // The 224-px presets bring their resolution; the 64-px ones take the bench's.
  config::applyModelPreset(preset, cfg);
  if (preset.imageSize == 0) {
    cfg.data.image_size = options.imageSize;
    cfg.data.max_text_tokens = options.textTokens;
  }
  cfg.data.vocab_size = options.vocabSize;
  cfg.optim.batch_size = options.batchSize;
  cfg.moe.enabled = shape.experts > 0;
  if (cfg.moe.enabled) {
    cfg.moe.num_experts = shape.experts;
    cfg.moe.top_k = shape.topK;
    cfg.moe.capacity_factor_train = options.capacityFactor;
  }
  return cfg;
}

// Random pixels in [0, 1] and ids with padded tails, like a real batch of short captions.
std::pair<torch::Tensor, torch::Tensor> syntheticBatch(const config::ExperimentConfig& cfg) {
  const int batch = cfg.optim.batch_size, length = cfg.data.max_text_tokens;
  auto pixels = torch::rand({batch, 3, cfg.data.image_size, cfg.data.image_size});
  auto ids = torch::randint(4, cfg.data.vocab_size, {batch, length}, torch::kLong);
  const auto lengths = torch::randint(std::min(8, length), length + 1, {batch, 1}, torch::kLong);
  ids.masked_fill_(torch::arange(length, torch::kLong).unsqueeze(0) >= lengths, 0);
  return {pixels, ids};
}

TrainBenchCase runCase(const TrainBenchOptions& options, const config::ModelPreset& preset, const CaseShape& shape) {
  const config::ExperimentConfig cfg = caseConfig(options, preset, shape);
  torch::manual_seed(options.seed);
  model::ClipModel model(cfg);
  model->train();
  train::AdamW optimizer(train::adamwParams(*model), cfg.optim);
  const auto [pixels, ids] = syntheticBatch(cfg);

  TrainBenchCase result;
  result.name = shape.name;
  result.experts = shape.experts;
  result.topK = shape.topK;
  const model::ParameterCounts counts = model->parameterCounts();
  result.parameters = counts.total;
  result.activeParameters = counts.active;
  // The trainer's step (trainer.cpp), learning rate fixed at its peak.
  result.step = timeRepeated(
      [&] {
        const auto out = model->forward(pixels, ids);
        const auto loss = model->contrastiveLoss(out) + out.aux.weightedTotal(cfg.loss);
        (void)loss.item<double>();  // the trainer reads the loss every step
        optimizer.zeroGrad();
        loss.backward();
        optimizer.clipGradNorm(cfg.optim.grad_clip);
        optimizer.step(cfg.optim.lr);
      },
      options.warmupSteps, options.steps);
  result.samplesPerSecond = result.step.medianMs > 0 ? 1000.0 * options.batchSize / result.step.medianMs : 0;
  return result;
}

}  // namespace

Expected<std::vector<TrainBenchCase>> benchTraining(const TrainBenchOptions& options) {
  const config::ModelPreset* preset = config::findModelPreset(options.preset);
  if (preset == nullptr) return Error{"unknown preset '" + options.preset + "' (tiny, small, base, large, vit-s16, vit-b16)"};
  std::vector<TrainBenchCase> cases;
  for (const CaseShape& shape : {CaseShape{"dense", 0, 0}, CaseShape{"moe-e4-k1", 4, 1}, CaseShape{"moe-e8-k2", 8, 2}}) {
    if (options.denseOnly && shape.experts > 0) continue;
    cases.push_back(runCase(options, *preset, shape));
  }
  return cases;
}

}  // namespace vimoe::bench
