// COCO-captions datasets (UIT-ViIC, KTVIC and the bundled synthetic set): one JSON file per
// split with images[] {id, file_name, ...} and annotations[] {image_id, caption}.
// Loading keeps the good records and reports every bad one with file, record index and field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe::data {

struct DataProblem {
  std::string file;
  std::string record;   // e.g. "annotations[12]" or "images[3]"
  std::string field;    // e.g. "caption"
  std::string message;
  std::string toString() const;
};

struct CaptionImage {
  std::int64_t id = 0;
  std::string fileName;       // relative to the image directory
  std::string imagePath;      // resolved absolute or root-relative path
  std::vector<std::string> captions;  // NFC-normalised
  // Visual domain of a synthetic image ("shapes", "digits_clocks", "text_signs", "textures"),
  // read from the extra images[].domain field the generator writes; empty for real datasets.
  // Experts-by-class analytics group routing statistics by it.
  std::string domain;
};

struct CaptionDataset {
  std::string annotationFile;
  std::vector<CaptionImage> images;  // only images with at least one caption
  std::vector<DataProblem> problems;
};

// Fails (Error) only when nothing can be read: missing file, malformed JSON, no images[] array.
// `imageDir` is where file_name is resolved. With `checkImagesExist`, missing image files are
// problems and their records are skipped.
Expected<CaptionDataset> loadCocoCaptions(const std::string& annotationFile, const std::string& imageDir,
                                          bool checkImagesExist = true);

}  // namespace vimoe::data
