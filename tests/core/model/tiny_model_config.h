// The smallest two-tower config the model tests build: 16 px images in 4 px patches, 8 text
// tokens, width 16, two blocks per tower; MoE (4 experts, top-1) in every block when asked.
#pragma once

#include "vimoe/config/experiment_config.h"

namespace vimoe::test_support {

inline config::ExperimentConfig tinyModelConfig(bool moe) {
  config::ExperimentConfig cfg;
  cfg.data.image_size = 16;
  cfg.data.max_text_tokens = 8;
  cfg.data.vocab_size = 50;
  cfg.model.patch_size = 4;
  cfg.model.embed_dim = 12;
  cfg.model.image = {16, 2, 2, 2.0};
  cfg.model.text = {16, 2, 2, 2.0};
  cfg.moe.enabled = moe;
  cfg.moe.num_experts = 4;
  cfg.moe.top_k = 1;
  return cfg;
}

}  // namespace vimoe::test_support
