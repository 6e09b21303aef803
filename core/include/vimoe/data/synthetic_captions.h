// Synthetic Vietnamese image-caption data: coloured shapes of several kinds, sizes, positions
// and counts on a plain background, each image with captions from paraphrase templates.
// Deterministic by seed: the same seed and index give the same pixels and captions.
// Written in the COCO-captions layout of UIT-ViIC so the loader reads it like a real dataset.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "vimoe/util/cancel.h"
#include "vimoe/util/expected.h"
#include "vimoe/util/progress.h"

namespace vimoe::data {

struct SyntheticScene {
  std::string domain = "shapes";  // visual domain tag, written to images[].domain
  std::string shape;     // Vietnamese noun phrase, e.g. "hình tròn"
  std::string colour;    // e.g. "đỏ"
  std::string size;      // "nhỏ" | "lớn"
  std::string position;  // e.g. "ở góc trên bên trái"
  int count = 1;         // 1..3
  std::string background;  // e.g. "trắng"
};

struct SyntheticSample {
  cv::Mat image;  // BGR, 8-bit, imageSize x imageSize
  SyntheticScene scene;
  std::vector<std::string> captions;  // NFC, distinct paraphrases
};

// captionCount is capped at the number of templates (10). imageSize below 8 throws
// std::invalid_argument.
SyntheticSample generateSyntheticCaption(std::uint64_t seed, std::int64_t index, int imageSize, int captionCount);

struct SyntheticCaptionOptions {
  int trainImages = 2000;
  int valImages = 256;
  int imageSize = 64;
  int captionsPerImage = 5;
  std::uint64_t seed = 7;
};

// Writes root/images/{train,val}/NNNNNN.png, root/captions_train.json and
// root/captions_val.json (COCO layout; file_name relative to root/images). Train and val use
// disjoint index ranges. The JSON files are written atomically, last, so an interrupted run
// never leaves a dataset that looks complete (old annotation files are removed first).
// When `cancel` fires, generation stops between images and an Error saying so is returned.
Status writeSyntheticCaptionDataset(const std::string& root, const SyntheticCaptionOptions& options,
                                    ProgressObserver* progress = nullptr, const CancelToken* cancel = nullptr);

}  // namespace vimoe::data
