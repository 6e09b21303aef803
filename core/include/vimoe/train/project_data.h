// Makes sure a project's data and tokenizer exist before training: generates the bundled
// synthetic set when the config asks for it and it is missing, and learns the tokenizer on the
// training captions when its file is missing (SentencePiece; CLIP's byte-level BPE for
// data.text_format = clip).
#pragma once

#include <cstdint>
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

// A run's (or a study step's) folder under run.checkpoint_dir: "<id>-<name>", the name made
// safe for a path ("study/variant" -> "study_variant").
std::string runFolderName(std::int64_t id, const std::string& name);

Expected<ProjectData> prepareProjectData(const config::ExperimentConfig& cfg, const std::string& projectDir, LogSink& log,
                                         ProgressObserver& progress, const CancelToken& cancel);
// The tokenizer file a run uses: data.tokenizer in the project; for an imported text format
// (clip, siglip) without one there, the tokenizer of the model.init_from checkpoint.
Expected<std::string> tokenizerPathFor(const config::ExperimentConfig& cfg, const std::string& projectDir);
Expected<text::Tokenizer> prepareTokenizer(const config::ExperimentConfig& cfg, const std::string& projectDir,
                                           const data::CaptionDataset& train, LogSink& log);

}  // namespace vimoe::train
