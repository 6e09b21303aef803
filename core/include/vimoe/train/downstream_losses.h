// The downstream training losses, as pure functions of logits and ids (0 = padding):
//   captionLoss            mean next-piece cross-entropy over real target pieces (teacher forcing)
//   answerSequenceLoss     the same, counted only on the answer of "<s> question </s> answer </s>"
//   answerClassLoss        cross-entropy over the answer vocabulary; answers outside it (-1) skipped
#pragma once

#include <torch/torch.h>

namespace vimoe::train {

// logits [B, L, V] from ids [B, L]: position t predicts ids[t + 1].
torch::Tensor captionLoss(const torch::Tensor& logits, const torch::Tensor& ids);
// answerStart [B]: position in ids of the answer's first piece; the pieces from there on
// (its "</s>" included) are the targets.
torch::Tensor answerSequenceLoss(const torch::Tensor& logits, const torch::Tensor& ids, const torch::Tensor& answerStart);
// logits [B, C], classes [B] with -1 for "not in the vocabulary". 0 (with a gradient path) when
// no row has a class.
torch::Tensor answerClassLoss(const torch::Tensor& logits, const torch::Tensor& classes);

}  // namespace vimoe::train
