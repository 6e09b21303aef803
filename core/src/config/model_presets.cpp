#include "vimoe/config/model_presets.h"

namespace vimoe::config {

// tiny .. large: sized for 64 px images with 8 px patches (65 image tokens) and 24 text tokens. Heads keep
// 16-48 channels each; each step up roughly quadruples the compute (see `vimoe model info`).
// tiny is the demo model and the TowerConfig defaults, so an empty config is the tiny preset.
const std::vector<ModelPreset>& modelPresets() {
  static const std::vector<ModelPreset> presets = {
      {"tiny", 64, {64, 2, 4, 4.0}, {64, 2, 4, 4.0}, "the demo model"},
      {"small", 128, {128, 4, 4, 4.0}, {128, 4, 4, 4.0}, "CPU"},
      {"base", 256, {256, 6, 8, 4.0}, {256, 6, 8, 4.0}, "slow on 2 CPU cores"},
      {"large", 384, {384, 8, 8, 4.0}, {384, 8, 8, 4.0}, "GPU recommended"},
      // 224 px, 16 px patches: 197 image tokens, 64 text tokens.
      {"vit-s16", 384, {384, 12, 6, 4.0}, {384, 12, 6, 4.0}, "ViT-S/16 shape, 224 px; GPU", 16, 224, 64},
      {"vit-b16", 768, {768, 12, 12, 4.0}, {768, 12, 12, 4.0}, "ViT-B/16 shape (CLIP / SigLIP B/16), 224 px; GPU", 16, 224, 64},
  };
  return presets;
}

const ModelPreset* findModelPreset(const std::string& name) {
  for (const ModelPreset& preset : modelPresets())
    if (preset.name == name) return &preset;
  return nullptr;
}

void applyModelPreset(const ModelPreset& preset, ModelConfig& model) {
  model.preset = preset.name;
  model.embed_dim = preset.embedDim;
  model.image = preset.image;
  model.text = preset.text;
}

void applyModelPreset(const ModelPreset& preset, ExperimentConfig& cfg) {
  applyModelPreset(preset, cfg.model);
  if (preset.patchSize > 0) cfg.model.patch_size = preset.patchSize;
  if (preset.imageSize > 0) cfg.data.image_size = preset.imageSize;
  if (preset.textTokens > 0) cfg.data.max_text_tokens = preset.textTokens;
}

}  // namespace vimoe::config
