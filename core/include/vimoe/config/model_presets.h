// Named model sizes (tiny / small / base / large) for both towers.
//
// A preset fixes each tower's width, depth, heads and mlp_ratio and the shared embed_dim. It is
// applied before the file's own fields are read, so any of those fields written explicitly in
// the JSON (or with --set) wins over the preset; "custom" applies nothing. patch_size, image
// size and vocabulary stay with the data and are never touched by a preset.
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
};

// Every preset, smallest first ("custom" is not one of them).
const std::vector<ModelPreset>& modelPresets();

// The preset called `name`, or nullptr for "custom" and unknown names.
const ModelPreset* findModelPreset(const std::string& name);

// Overwrites model's tower shapes and embed_dim with the preset's and records its name.
void applyModelPreset(const ModelPreset& preset, ModelConfig& model);

}  // namespace vimoe::config
