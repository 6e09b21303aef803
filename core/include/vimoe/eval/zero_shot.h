// Zero-shot classification with a contrastive model: each class is described by a text prompt,
// an image is assigned the class whose prompt embedding is most similar. Accuracy = share of
// images whose assigned class is their label.
#pragma once

#include <torch/torch.h>

namespace vimoe::eval {

// imageEmb [N, D] and classEmb [C, D] normalised, labels [N] int64 in [0, C).
double zeroShotAccuracy(const torch::Tensor& imageEmb, const torch::Tensor& classEmb, const torch::Tensor& labels);

}  // namespace vimoe::eval
