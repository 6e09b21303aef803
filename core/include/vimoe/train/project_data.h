// Makes sure a project's data and tokenizer exist before training: generates the bundled
// synthetic set when the config asks for it and it is missing, and trains the SentencePiece
// tokenizer on the training captions when its model file is missing.
#pragma once

#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/data/coco_captions.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/util/cancel.h"
#include "vimoe/util/log.h"
#include "vimoe/util/progress.h"

namespace vimoe::train {

struct ProjectData {
  data::CaptionDataset train;
  data::CaptionDataset val;
};

std::string resolveProjectPath(const std::string& projectDir, const std::string& path);

Expected<ProjectData> prepareProjectData(const config::ExperimentConfig& cfg, const std::string& projectDir, LogSink& log,
                                         ProgressObserver& progress, const CancelToken& cancel);
// The tokenizer file a run uses: data.tokenizer in the project; for an imported text format
// (clip, siglip) without one there, the tokenizer of the model.init_from checkpoint.
Expected<std::string> tokenizerPathFor(const config::ExperimentConfig& cfg, const std::string& projectDir);
Expected<text::Tokenizer> prepareTokenizer(const config::ExperimentConfig& cfg, const std::string& projectDir,
                                           const data::CaptionDataset& train, LogSink& log);

}  // namespace vimoe::train
