// Import: a pretrained checkpoint in a published layout -> a ViMoE ClipModel holding its
// weights, and the report of how. Every source tensor is mapped (shape checked) or listed as
// unused; every model tensor is loaded or listed as newly initialised. `vimoe import`
// (cli/import_verb.cpp) writes the model as a checkpoint folder when every rule applied.
#pragma once

#include <string>
#include <vector>

#include "vimoe/model/clip_model.h"
#include "vimoe/model/import/import_plan.h"

namespace vimoe::model::import {

struct MappedTensor {
  std::string target;
  std::vector<std::string> sources;  // empty: synthesised (identity, zeros)
  std::vector<std::int64_t> shape;
  Transform transform = Transform::Copy;
};

struct ImportReport {
  std::string source;
  SourceFormat format = SourceFormat::HfClip;
  std::string textSource;  // mixed towers: where the text tower came from ("" = from `source`)
  SourceFormat textFormat = SourceFormat::HfClip;
  config::ExperimentConfig config;
  std::vector<std::string> decisions;
  std::vector<MappedTensor> mapped;
  std::vector<std::string> unusedSources;  // in the source, not read
  std::vector<std::string> freshTargets;   // in the model, initialised anew
  std::string tokenizer;                   // what the checkpoint's texts will be tokenized with
  std::int64_t sourceParameters = 0, loadedParameters = 0;
};

struct ImportedModel {
  ImportReport report;
  ClipModel model{nullptr};
  // The source's tokenizer, to travel with the checkpoint: a SentencePiece model or CLIP's
  // vocab.json (merges.txt beside it); "" if none. data.text_format says which conventions.
  std::string tokenizerFile;
};

Expected<ImportedModel> importCheckpoint(const std::string& source, const ImportOptions& options);

// Mixed towers: the image tower (and the pixel settings) of `imageSource`, the text tower (and
// its tokenizer, pooling, mask and text length) of `textSource`. A shared-space width that
// differs leaves the text projection new; a torchvision ViT image side takes the loss and logit
// scale from the text side. Unused and new tensors are listed as in a single import.
Expected<ImportedModel> importMixedCheckpoint(const std::string& imageSource, const ImportOptions& imageOptions,
                                              const std::string& textSource, const ImportOptions& textOptions);

// Writes the imported model as a checkpoint folder at step 0, with its tokenizer and the report
// (import.txt: where every tensor came from). `vimoe import` and a study's import step use it.
Status writeImportedCheckpoint(ImportedModel& imported, const std::string& out);

// The report as the table `vimoe import --dry-run` prints.
std::string formatImportReport(const ImportReport& report, bool everyTensor);

std::string transformName(Transform transform);

}  // namespace vimoe::model::import
