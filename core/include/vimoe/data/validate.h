// `vimoe data validate PATH` as a library call. PATH is a dataset spec (*.json with "files"),
// one annotation file, or a folder: every dataset file in it (and in data/, annotations/) is
// detected and read; in a folder with ViVQA CSVs, COCO-captions JSON files are the img_id
// index, not datasets of their own.
#pragma once

#include <string>
#include <vector>

#include "vimoe/data/dataset_import.h"
#include "vimoe/util/expected.h"

namespace vimoe::data {

struct ValidateOptions {
  std::string format;    // empty: detect per file
  std::string imageDir;  // empty: <root>/images when it exists, else <root>
  bool verifyImages = true;
  int threads = 2;
};

// The specs a PATH stands for (exposed for tests and `data stats`).
Expected<std::vector<DatasetSpec>> datasetSpecsForPath(const std::string& path, const ValidateOptions& options);

// Error only when nothing could be read (exit code 2).
Expected<Dataset> validateDatasetPath(const std::string& path, const ValidateOptions& options);

}  // namespace vimoe::data
