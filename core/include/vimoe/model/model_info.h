// Size and cost of the contrastive model a config describes, computed analytically (no tensors
// are built), so `vimoe model info` and the experiment editor can answer instantly for any size.
//
// Parameters are counted exactly as ClipModel registers them (a test keeps the two equal).
// "Active" parameters are those one token uses: k of the E experts of each MoE layer; the
// router is always active. FLOPs are forward FLOPs per sample, 2*m*n*k per matrix product
// (one multiply-add = 2 FLOPs), see costCountedText().
//
// This header has no LibTorch include on purpose.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"

namespace vimoe::model {

// Forward FLOPs of one sample by kind of matrix product, summed over a tower's blocks.
struct FlopBreakdown {
  std::int64_t embedding = 0;   // image: patch embedding (a conv = one matmul per patch); text: 0 (lookup)
  std::int64_t qkv = 0;         // fused q, k, v projection
  std::int64_t attention = 0;   // scores q k^T and the weighted sum of v
  std::int64_t projection = 0;  // attention output projection
  std::int64_t ffn = 0;         // dense FFNs, or per MoE layer the router plus k experts per token
  std::int64_t head = 0;        // final projection into the shared embedding space (one vector)
  std::int64_t total() const { return embedding + qkv + attention + projection + ffn + head; }
};

struct TowerInfo {
  std::string name;  // "image" | "text"
  int tokens = 0;    // sequence length the FLOPs are counted at
  std::int64_t parameters = 0;
  std::int64_t activeParameters = 0;
  FlopBreakdown flops;
  std::vector<std::string> moeLayers;  // "image.blocks.1", in block order
};

struct ModelInfo {
  std::string preset;
  TowerInfo image;
  TowerInfo text;
  std::int64_t sharedParameters = 0;  // the learned temperature
  std::int64_t parameters() const { return image.parameters + text.parameters + sharedParameters; }
  std::int64_t activeParameters() const { return image.activeParameters + text.activeParameters + sharedParameters; }
  std::int64_t flops() const { return image.flops.total() + text.flops.total(); }
};

// Expects a validated config (validate() / loadExperimentConfig).
ModelInfo describeModel(const config::ExperimentConfig& cfg);

// What the FLOP counts include and leave out, for printing next to them.
std::string costCountedText();

}  // namespace vimoe::model
