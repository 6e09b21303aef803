// A checkpoint is a folder: model.safetensors, optimizer.safetensors, config.json (the
// effective config) and state.json (step, run id, seed, metrics). A save replaces the whole
// folder in one rename (util/atomic_folder.h), so a run killed mid-save resumes from the
// previous checkpoint. The safetensors files also carry the step in their metadata: a folder
// whose files were mixed by hand is refused instead of silently loaded.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/adamw.h"
#include "vimoe/util/expected.h"

namespace vimoe::train {

struct TrainingState {
  std::int64_t step = 0;  // optimiser steps done
  std::int64_t runId = 0;
  std::uint64_t seed = 0;
  nlohmann::json metrics = nlohmann::json::object();
};

// `model`: any of the project's models (ClipModel, VisionLanguageModel): their tensors by name.
Status saveCheckpoint(const std::string& dir, torch::nn::Module& model, const AdamW* optimizer,
                      const config::ExperimentConfig& cfg, const TrainingState& state);

Expected<TrainingState> readTrainingState(const std::string& dir);

// A copy of the run's tokenizer travels with its checkpoints, so `vimoe caption --checkpoint DIR`
// works wherever the folder is moved: a SentencePiece model as tokenizer.model, CLIP's BPE
// (`tokenizerModel` a vocab.json) as vocab.json + merges.txt.
Status copyTokenizerIntoCheckpoint(const std::string& tokenizerModel, const std::string& dir);
// The checkpoint's own tokenizer (tokenizer.model or vocab.json), else (older checkpoints) the
// project's data.tokenizer, the project being the nearest parent folder with a vimoe-project.json.
Expected<std::string> checkpointTokenizerPath(const std::string& dir);
// That tokenizer, loaded with the conventions of the checkpoint's data.text_format.
Expected<text::Tokenizer> loadCheckpointTokenizer(const std::string& dir, const config::ExperimentConfig& cfg);
Expected<config::ExperimentConfig> readCheckpointConfig(const std::string& dir);
// Loads weights (and the optimiser when given) and checks that they belong to `state.step`.
Status loadCheckpoint(const std::string& dir, torch::nn::Module& model, AdamW* optimizer, const TrainingState& state);

}  // namespace vimoe::train
