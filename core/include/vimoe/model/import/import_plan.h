// How a published checkpoint layout maps onto a ViMoE model: the config its tensors imply
// (tower shapes from the tensor shapes; heads, activation and epsilon from the side files or
// the family's convention) and one rule per ViMoE tensor naming the source tensor(s) and the
// transform. The rules are data: the importer applies them, checks every shape, and reports
// what was mapped, what in the source went unused, and what the model initialised anew.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/import/source_checkpoint.h"

namespace vimoe::model::import {

enum class SourceFormat { HfClip, HfSiglip, OpenClip, TorchvisionVit };

std::string formatName(SourceFormat format);  // hf-clip | hf-siglip | open-clip | torchvision-vit
Expected<SourceFormat> formatFromName(const std::string& name);
// From the tensor names alone; an unknown layout is an error that lists what was looked for.
Expected<SourceFormat> detectFormat(const SourceCheckpoint& source);

enum class Transform {
  Copy,       // same shape
  Reshape,    // same elements, the target's shape (class embedding [W] -> [1, 1, W])
  Transpose,  // 2-D, OpenCLIP's x @ proj layout -> Linear's weight
  Concat,     // separate q, k, v projections stacked along dim 0 -> one fused qkv
  Rows,       // rows [rowBegin, rowEnd) of one source (a fused in-projection split in two)
  Identity,   // no source: an identity matrix (SigLIP's image tower has no projection)
  Zeros,      // no source: zeros (the bias beside such an identity)
};

struct TensorRule {
  std::string target;
  std::vector<std::string> sources;
  Transform transform = Transform::Copy;
  std::int64_t rowBegin = 0, rowEnd = 0;
};

// The OpenCLIP layout's rules for towers of these depths (import and `vimoe export` share them).
std::vector<TensorRule> openClipRules(int imageDepth, int textDepth);

struct ImportOptions {
  std::string format;      // "" = detect from the tensor names
  int imageHeads = 0;      // 0 = the source's config, else width / 64 (every published CLIP / ViT)
  int textHeads = 0;
  std::string activation;  // "" = the source's config or the family's own
};

struct ImportPlan {
  SourceFormat format = SourceFormat::HfClip;
  config::ExperimentConfig config;
  std::vector<TensorRule> rules;
  // Settings that the tensors do not fix, each with where it came from ("heads 12: config.json").
  std::vector<std::string> decisions;
};

Expected<ImportPlan> planImport(const SourceCheckpoint& source, const ImportOptions& options);

}  // namespace vimoe::model::import
