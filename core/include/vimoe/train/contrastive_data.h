// Image-caption pairs ready for contrastive batches: every caption tokenised once, the images in
// an ImageTable (decoded once into memory when they fit data.image_cache_mb, else streamed).
// Batches are a pure function of (seed, step), so a resumed run sees the same data.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/data/coco_captions.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/image_table.h"
#include "vimoe/util/expected.h"
#include "vimoe/util/log.h"

namespace vimoe::train {

struct ContrastiveSplit {
  ImageTable images;            // N images, [n, 3, S, S] uint8 RGB batches
  torch::Tensor captionIds;     // [M, L] int64
  torch::Tensor captionImage;   // [M] int64: index of the caption's image
  torch::Tensor firstCaption;   // [N] int64: index of each image's first caption
  torch::Tensor captionMirrorable;  // [M] bool: the image may be flipped while this caption describes it
  // Per image, for probe sets and per-class analytics.
  std::vector<std::string> imagePaths;
  std::vector<std::string> imageIds;  // as in the annotation file, for scoring and eval details
  std::vector<std::string> firstCaptionText;
  std::vector<std::vector<std::string>> captions;  // every caption of each image: the references
  std::vector<std::string> labels;  // class of the image (synthetic domain, dataset label) or ""
  // Zero-shot classification by label, when the images have at least two distinct labels.
  std::vector<std::string> classNames;
  torch::Tensor classPromptIds;  // [C, L] a Vietnamese prompt per class
  torch::Tensor labelIndex;      // [N] int64 index into classNames
  std::int64_t imageCount() const { return images.size(); }
};

struct Batch {
  torch::Tensor pixels;  // [B, 3, S, S] float in [0, 1]
  torch::Tensor ids;     // [B, L]
};

// One image as [3, S, S] uint8 RGB (shorter side resized to S, centre cropped); undefined when
// it cannot be decoded.
torch::Tensor loadImageTensor(const std::string& path, int imageSize);

// Every image of `dataset` with its captions; an unreadable image is logged with its path and
// skipped. imageCacheMb: data.image_cache_mb (ImageTableBuilder).
Expected<ContrastiveSplit> buildContrastiveSplit(const data::CaptionDataset& dataset, const text::Tokenizer& tokenizer,
                                                 int imageSize, int maxTokens, LogSink& log, std::int64_t imageCacheMb);

// The rows of batch `step`: images of an epoch-wise shuffled order (each epoch a fresh
// permutation from the seed) and, for each, one of its captions drawn from (seed, step).
struct ContrastiveRows {
  torch::Tensor images;    // [B] int64 into split.images
  torch::Tensor captions;  // [B] int64 into split.captionIds
};
ContrastiveRows contrastiveBatchRows(const ContrastiveSplit& split, std::uint64_t seed, std::int64_t step, int batchSize);

// Batch `step` of an epoch-wise shuffled order (each epoch a fresh permutation from the seed),
// with one of each image's captions drawn from (seed, step).
Batch contrastiveBatch(const ContrastiveSplit& split, std::uint64_t seed, std::int64_t step, int batchSize);

// Rows of batch `step` over n items: each epoch a fresh permutation seeded from (seed, epoch),
// so batches are a pure function of (seed, step).
torch::Tensor shuffledBatchIndices(std::int64_t n, std::uint64_t seed, std::int64_t step, int batchSize);

torch::Tensor pixelsFromBytes(const torch::Tensor& imagesUint8);

}  // namespace vimoe::train
