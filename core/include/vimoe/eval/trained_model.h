// A checkpoint folder loaded for inference: its config, tokenizer (the checkpoint's copy, or the
// project's for older folders), weights, and for VQA classifiers the answer vocabulary. The
// `vimoe caption | ask | retrieve | eval` verbs and the workbench demo start here.
#pragma once

#include <optional>
#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/model/vision_language_model.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/vqa_data.h"
#include "vimoe/util/expected.h"

namespace vimoe::eval {

struct DownstreamModel {
  std::string dir;
  config::ExperimentConfig cfg;
  text::Tokenizer tokenizer;
  model::VisionLanguageModel model;
  std::optional<train::AnswerVocabulary> vocabulary;  // VQA classifier only
};

struct ContrastiveModel {
  std::string dir;
  config::ExperimentConfig cfg;
  text::Tokenizer tokenizer;
  model::ClipModel model;
};

// `path`: a checkpoint folder, or a project folder, meaning the newest finished run of `kind`
// in its store ("the model I just trained").
Expected<std::string> resolveCheckpoint(const std::string& path, const std::string& kind);

// Errors name the folder and say which kind of checkpoint it is when it is the wrong one.
Expected<DownstreamModel> loadDownstreamModel(const std::string& dir);
Expected<ContrastiveModel> loadContrastiveModel(const std::string& dir);

}  // namespace vimoe::eval
