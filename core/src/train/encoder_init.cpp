#include "vimoe/train/encoder_init.h"

#include "vimoe/model/clip_model.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/init_from.h"

namespace vimoe::train {
namespace {

// The image tower's shape and architecture must match exactly (an imported backbone's
// model.arch too); the message names the first field that differs.
Status checkImageTowerShape(const std::string& dir, const config::ExperimentConfig& from,
                            const config::ExperimentConfig& to) {
  const auto differs = [&](const char* field, double a, double b) -> Status {
    if (a == b) return okStatus();
    return Error{"task.encoder_from: " + dir + " has " + field + " = " + std::to_string(a) + " but this config has " +
                 std::to_string(b)};
  };
  for (auto s : {differs("data.image_size", from.data.image_size, to.data.image_size),
                 differs("model.patch_size", from.model.patch_size, to.model.patch_size),
                 differs("model.image.width", from.model.image.width, to.model.image.width),
                 differs("model.image.depth", from.model.image.depth, to.model.image.depth),
                 differs("model.image.heads", from.model.image.heads, to.model.image.heads),
                 differs("model.image.mlp_ratio", from.model.image.mlp_ratio, to.model.image.mlp_ratio)})
    if (!s) return s;
  return checkSameArchitecture("task.encoder_from", dir, from.model.arch, to.model.arch, /*imageTowerOnly=*/true);
}

}  // namespace

Expected<std::string> initialiseImageTower(const std::string& dir, const config::ExperimentConfig& cfg,
                                           model::VisionLanguageModel& model, std::uint64_t seed) {
  auto fromCfg = readCheckpointConfig(dir);
  if (!fromCfg) return Error{"task.encoder_from: " + fromCfg.error().message};
  if (auto s = checkImageTowerShape(dir, *fromCfg, cfg); !s) return s.error();
  auto dense = isDenseCheckpoint(dir);
  if (!dense) return Error{"task.encoder_from: " + dense.error().message};

  // Load the checkpoint into a contrastive model whose image tower has this config's MoE
  // settings (upcycling a dense one), then copy the image tower across by name.
  config::ExperimentConfig clipCfg = *fromCfg;
  const bool imageMoe = cfg.moe.enabled && (cfg.moe.towers == "image" || cfg.moe.towers == "both");
  if (*dense) {
    clipCfg.moe = cfg.moe;
    clipCfg.moe.enabled = imageMoe;
    clipCfg.moe.towers = "image";
    clipCfg.model.shared_tower = false;
  }
  torch::manual_seed(seed);
  model::ClipModel clip(clipCfg);
  model::UpcycleOptions upcycle;
  upcycle.seed = seed;
  auto report = initialiseFromCheckpoint(dir, clip, upcycle);
  if (!report) return Error{"task.encoder_from: " + report.error().message};

  std::map<std::string, torch::Tensor> source;
  for (const auto& item : clip->named_parameters()) source[item.key()] = item.value();
  for (const auto& item : clip->named_buffers()) source[item.key()] = item.value();
  torch::NoGradGuard noGrad;
  int copied = 0;
  auto copyTensor = [&](const std::string& name, torch::Tensor target) -> Status {
    if (name.rfind("image.", 0) != 0) return okStatus();
    const auto it = source.find(name);
    if (it == source.end() || !it->second.sizes().equals(target.sizes()))
      return Error{"task.encoder_from: " + dir + " has no tensor '" + name + "' of shape " +
                   c10::str(target.sizes()) + (imageMoe == !*dense ? "" : " (its image tower is " +
                   std::string(*dense ? "dense" : "MoE") + ", this config's is " + (imageMoe ? "MoE" : "dense") + ")")};
    target.copy_(it->second);
    ++copied;
    return okStatus();
  };
  for (const auto& item : model->named_parameters())
    if (auto s = copyTensor(item.key(), item.value()); !s) return s.error();
  for (const auto& item : model->named_buffers())
    if (auto s = copyTensor(item.key(), item.value()); !s) return s.error();
  std::string what = "image tower initialised from " + dir + " (" + std::to_string(copied) + " tensors";
  if (report->moeLayers > 0)
    what += "; upcycled into " + std::to_string(report->moeLayers) + " MoE layers of " + std::to_string(report->experts) +
            " experts";
  return what + ")";
}

}  // namespace vimoe::train
