#include "vimoe/config/model_presets.h"

namespace vimoe::config {

// Sized for 64 px images with 8 px patches (65 image tokens) and 24 text tokens. Heads keep
// 16-48 channels each; each step up roughly quadruples the compute (see `vimoe model info`).
// tiny is the demo model and the TowerConfig defaults, so an empty config is the tiny preset.
const std::vector<ModelPreset>& modelPresets() {
  static const std::vector<ModelPreset> presets = {
      {"tiny", 64, {64, 2, 4, 4.0}, {64, 2, 4, 4.0}, "the demo model"},
      {"small", 128, {128, 4, 4, 4.0}, {128, 4, 4, 4.0}, "CPU"},
      {"base", 256, {256, 6, 8, 4.0}, {256, 6, 8, 4.0}, "slow on 2 CPU cores"},
      {"large", 384, {384, 8, 8, 4.0}, {384, 8, 8, 4.0}, "GPU recommended"},
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

}  // namespace vimoe::config
