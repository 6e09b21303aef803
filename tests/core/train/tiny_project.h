// A throwaway project for training tests: a tiny synthetic caption set generated into a
// scratch folder and a config small enough that a few steps take well under a second, and
// what the training tests share around it (options, cancelling mid-run, reading curves back).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "support/scratch_dir.h"
#include "vimoe/config/experiment_config.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/training_loop.h"

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

// The project in `dir`, its store at dir/store.db.
inline train::TrainOptions optionsFor(const ScratchDir& dir) {
  train::TrainOptions options;
  options.projectDir = dir.path("");
  options.storePath = dir.path("store.db");
  return options;
}

// Cancels the token once the run reports `stopAt` finished steps, like a SIGTERM would.
class CancelAtStep : public ProgressObserver {
 public:
  CancelAtStep(CancelToken& token, std::int64_t stopAt) : m_token(token), m_stopAt(stopAt) {}
  void onProgress(const Progress& p) override {
    if (p.task.rfind("train", 0) == 0 && p.done >= m_stopAt) m_token.cancel();
  }

 private:
  CancelToken& m_token;
  std::int64_t m_stopAt;
};

// The values of one scalar curve of a run, in step order.
inline std::vector<double> scalarCurve(store::RunStore& store, std::int64_t run, const std::string& key) {
  std::vector<double> values;
  for (const auto& p : *store.scalars(run, key)) values.push_back(p.value);
  return values;
}

inline std::vector<double> scalarCurve(const std::string& storePath, std::int64_t run, const std::string& key) {
  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  return scalarCurve(*store, run, key);
}

}  // namespace vimoe::test_support
