// Image-text retrieval recall on a held-out split, both directions:
//  image->text: an image is a hit when any of its own captions ranks in the top K;
//  text->image: a caption is a hit when its image ranks in the top K.
#pragma once

#include <torch/torch.h>

namespace vimoe::eval {

struct RetrievalScores {
  double imageToTextR1 = 0, imageToTextR5 = 0, imageToTextR10 = 0;
  double textToImageR1 = 0, textToImageR5 = 0, textToImageR10 = 0;
};

// imageEmb [N, D], textEmb [M, D] (normalised), captionImage [M] image index of each caption.
RetrievalScores retrievalRecall(const torch::Tensor& imageEmb, const torch::Tensor& textEmb, const torch::Tensor& captionImage);

}  // namespace vimoe::eval
