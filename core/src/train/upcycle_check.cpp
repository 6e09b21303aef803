#include "vimoe/train/upcycle_check.h"

#include <filesystem>

#include "vimoe/config/project.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/project_data.h"
#include "vimoe/util/cancel.h"
#include "vimoe/util/progress.h"

namespace vimoe::train {
namespace {

Expected<model::ClipModel> loadClip(const std::string& dir) {
  auto cfg = readCheckpointConfig(dir);
  if (!cfg) return cfg.error();
  auto state = readTrainingState(dir);
  if (!state) return state.error();
  model::ClipModel model(*cfg);
  if (auto loaded = loadCheckpoint(dir, *model, nullptr, *state); !loaded) return loaded.error();
  model->eval();
  return model;
}

struct CheckBatch {
  torch::Tensor pixels, ids;
  std::string description;
};

// Validation images and captions of the project around `denseDir`, or nothing (an Error
// saying why) when there is no such project, data or tokenizer.
Expected<CheckBatch> projectBatch(const std::string& denseDir, const std::string& givenProject,
                                  const config::ExperimentConfig& cfg, int batchSize, LogSink& log) {
  auto projectDir = config::findProjectDir(givenProject.empty() ? denseDir : givenProject);
  if (!projectDir) return projectDir.error();
  auto tokenizer = loadCheckpointTokenizer(denseDir, cfg);
  if (!tokenizer) return tokenizer.error();
  NullProgressObserver progress;
  CancelToken cancel;
  auto data = prepareProjectData(cfg, *projectDir, log, progress, cancel);
  if (!data) return data.error();
  auto split = buildContrastiveSplit(data->val, *tokenizer, cfg.data.image_size, cfg.data.max_text_tokens, log,
                                     cfg.data.image_cache_mb);
  if (!split) return split.error();
  const Batch batch = contrastiveBatch(*split, cfg.run.seed, 0, batchSize);
  return CheckBatch{batch.pixels, batch.ids,
                    std::to_string(batch.pixels.size(0)) + " validation images and captions of " + *projectDir};
}

CheckBatch randomBatch(const config::ExperimentConfig& cfg, int batchSize, const std::string& why) {
  torch::manual_seed(cfg.run.seed);
  CheckBatch batch;
  batch.pixels = torch::rand({batchSize, 3, cfg.data.image_size, cfg.data.image_size});
  batch.ids = torch::randint(1, cfg.data.vocab_size, {batchSize, cfg.data.max_text_tokens}, torch::kLong);
  batch.description = std::to_string(batchSize) + " random images and token sequences (" + why + ")";
  return batch;
}

}  // namespace

Expected<UpcycleCheck> checkUpcycledEquivalence(const std::string& denseDir, const std::string& moeDir, int batchSize,
                                                LogSink& log, const std::string& projectDir) {
  auto dense = loadClip(denseDir);
  if (!dense) return dense.error();
  auto moe = loadClip(moeDir);
  if (!moe) return moe.error();
  auto cfg = readCheckpointConfig(denseDir);
  if (!cfg) return cfg.error();
  auto fromProject = projectBatch(denseDir, projectDir, *cfg, batchSize, log);
  const CheckBatch batch = fromProject ? *fromProject : randomBatch(*cfg, batchSize, "no project data: " + fromProject.error().message);
  torch::NoGradGuard noGrad;
  UpcycleCheck check;
  check.batch = batch.description;
  check.imageDifference = ((*moe)->encodeImages(batch.pixels) - (*dense)->encodeImages(batch.pixels)).abs().max().item<double>();
  check.textDifference = ((*moe)->encodeTexts(batch.ids) - (*dense)->encodeTexts(batch.ids)).abs().max().item<double>();
  return check;
}

}  // namespace vimoe::train
