// Training-time augmentation of a micro-batch, applied by the training loop's prefetch workers
// after the task built the batch: a random-resized crop (torchvision's RandomResizedCrop: a
// random area fraction in [data.crop_min_area, 1] and aspect ratio in [3/4, 4/3], resized back
// to S x S) and a horizontal flip with probability 1/2 (data.flip). Only rows the task marks
// mirrorable are flipped: a picture of scene text or a clock, or one whose caption, question or
// answer says "trái" / "phải", would no longer match its text (data/augment.h).
//
// Every draw comes from a generator seeded by (run.seed, micro-batch index), like the batch's
// rows, so a resumed run sees the same crops and flips. Validation and evaluation never augment.
#pragma once

#include <torch/torch.h>

#include <cstdint>

#include "vimoe/config/experiment_config.h"

namespace vimoe::train {

struct BatchAugment {
  double cropMinArea = 1.0;  // 1: no crop
  bool flip = false;
  bool enabled() const { return cropMinArea < 1.0 || flip; }
};

BatchAugment batchAugmentOf(const config::DataConfig& data);

// pixels: [B, 3, S, S] uint8; mirrorable: [B] bool or undefined (nothing flips). Returns a new
// uint8 batch of the same shape.
torch::Tensor augmentPixels(const torch::Tensor& pixels, const torch::Tensor& mirrorable, const BatchAugment& augment,
                            std::uint64_t seed, std::int64_t index);

}  // namespace vimoe::train
