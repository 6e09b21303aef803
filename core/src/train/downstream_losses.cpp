#include "vimoe/train/downstream_losses.h"

namespace vimoe::train {
namespace {

// Mean cross-entropy of logits [B, L, V] at positions 0..L-2 against targets [B, L-1], over the
// targets where `counted` is true.
torch::Tensor shiftedCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& counted) {
  const auto vocab = logits.size(2);
  const auto flatLogits = logits.narrow(1, 0, logits.size(1) - 1).reshape({-1, vocab});
  const auto flatTargets = targets.masked_fill(counted.logical_not(), -100).reshape({-1});
  if (!counted.any().item<bool>()) return flatLogits.sum() * 0.0;
  return torch::nn::functional::cross_entropy(flatLogits, flatTargets,
                                              torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
}

}  // namespace

torch::Tensor captionLoss(const torch::Tensor& logits, const torch::Tensor& ids) {
  const auto targets = ids.narrow(1, 1, ids.size(1) - 1);
  return shiftedCrossEntropy(logits, targets, targets.ne(0));
}

torch::Tensor answerSequenceLoss(const torch::Tensor& logits, const torch::Tensor& ids, const torch::Tensor& answerStart) {
  const auto targets = ids.narrow(1, 1, ids.size(1) - 1);
  // Target t is ids[t + 1]: it belongs to the answer when t + 1 >= answerStart.
  const auto position = torch::arange(1, ids.size(1), ids.options()).unsqueeze(0);
  const auto counted = targets.ne(0).logical_and(position.ge(answerStart.unsqueeze(1)));
  return shiftedCrossEntropy(logits, targets, counted);
}

torch::Tensor answerClassLoss(const torch::Tensor& logits, const torch::Tensor& classes) {
  if (!classes.ge(0).any().item<bool>()) return logits.sum() * 0.0;
  return torch::nn::functional::cross_entropy(logits, classes,
                                              torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-1));
}

}  // namespace vimoe::train
