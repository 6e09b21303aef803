// Named model sizes for both towers: tiny / small / base / large for the 64-px demo data, and
// vit-s16 / vit-b16 shaped like the published 224-px backbones (ViT-S/16, ViT-B/16 as in CLIP and
// SigLIP: patch 16, 196 patches, width 384 / 768, depth 12, heads 6 / 12; the text tower
// width-matched with 64 tokens), so pretrained weights can be mapped onto them.
//
// A preset fixes each tower's width, depth, heads and mlp_ratio and the shared embed_dim; the
// 224-px presets also set model.patch_size, data.image_size and data.max_text_tokens. It is
// applied before the file's own fields are read, so any of those fields written explicitly in
// the JSON (or with --set) wins over the preset; "custom" applies nothing. The vocabulary stays
// with the data.
#pragma once

#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"

namespace vimoe::config {

struct ModelPreset {
  std::string name;  // "tiny", ...
  int embedDim;
  TowerConfig image;
  TowerConfig text;
  std::string note;  // one line for `vimoe model info` and the docs
  // The resolution the shapes were published for; 0 leaves the config's own (64-px presets).
  int patchSize = 0;
  int imageSize = 0;
  int textTokens = 0;
};

// Every preset, smallest first ("custom" is not one of them).
const std::vector<ModelPreset>& modelPresets();

// The preset called `name`, or nullptr for "custom" and unknown names.
const ModelPreset* findModelPreset(const std::string& name);

// Overwrites model's tower shapes and embed_dim with the preset's and records its name.
void applyModelPreset(const ModelPreset& preset, ModelConfig& model);
// The same, and the preset's resolution (patch size, image size, text tokens) where it has one.
void applyModelPreset(const ModelPreset& preset, ExperimentConfig& cfg);

}  // namespace vimoe::config
