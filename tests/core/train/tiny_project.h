// A throwaway project for training tests: a tiny synthetic caption set generated into a
// scratch folder and a config small enough that a few steps take well under a second.
#pragma once

#include <string>

#include "support/scratch_dir.h"
#include "vimoe/config/experiment_config.h"

namespace vimoe::test_support {

inline config::ExperimentConfig tinyTrainingConfig(bool moe) {
  config::ExperimentConfig cfg;
  cfg.data.format = "synthetic_captions";
  cfg.data.root = "data";
  cfg.data.image_size = 32;
  cfg.data.max_text_tokens = 16;
  cfg.data.vocab_size = 128;
  cfg.data.synthetic.train_images = 48;
  cfg.data.synthetic.val_images = 16;
  cfg.data.synthetic.captions_per_image = 3;
  cfg.model.patch_size = 8;
  cfg.model.embed_dim = 32;
  cfg.model.image = {32, 1, 2, 2.0};
  cfg.model.text = {32, 1, 2, 2.0};
  cfg.moe.enabled = moe;
  cfg.moe.num_experts = 4;
  cfg.moe.top_k = 1;
  cfg.optim.batch_size = 16;
  cfg.optim.lr = 3e-3;
  cfg.optim.warmup_steps = 2;
  cfg.run.name = moe ? "tiny-moe" : "tiny-dense";
  cfg.run.steps = 10;
  cfg.run.log_every = 1;
  cfg.run.eval_every = 5;
  cfg.run.expert_load_every = 2;
  cfg.run.checkpoint_every = 100;
  return cfg;
}

}  // namespace vimoe::test_support
