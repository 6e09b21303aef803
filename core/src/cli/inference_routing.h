// Routing of one input, for the demo's overlays: a forward pass with every MoE layer capturing,
// turned into JSON that `vimoe caption | ask | retrieve --json` add under "routing":
//   {"patch_grid": G, "tokens": ["<s>", "▁hình", ...],
//    "layers": [{"name": "image.blocks.0", "modality": "image", "num_experts": E,
//                "experts": [e, ...], "gates": [g, ...], "kept": [1, ...]}, ...]}
// One entry per token of the first input of the batch, its top-1 choice: image tokens are the
// class token then the patches row-major (as in the store's routing_sample), text tokens stop
// at the padding. Dense models give no "routing" at all.
#pragma once

#include <torch/torch.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "vimoe/model/moe_layer.h"

namespace vimoe::cli {

struct RoutingRequest {
  std::vector<std::pair<std::string, model::MoeLayer>> layers;  // ClipModel/VisionLanguageModel::moeLayers()
  int patchGrid = 0;                     // image_size / patch_size; 0 when no image is routed
  std::vector<std::string> textTokens;   // pieces of the routed text, one per position kept
};

// Runs `forward` (no gradient, eval mode is the caller's) while capturing; an empty object
// when there are no MoE layers.
nlohmann::ordered_json captureRouting(const RoutingRequest& request, const std::function<void()>& forward);

// "<s>" + pieces + "</s>" cut to `length` keeping "</s>", like Tokenizer::encodePadded.
std::vector<std::string> paddedPieces(const std::vector<std::string>& pieces, int length);

}  // namespace vimoe::cli
