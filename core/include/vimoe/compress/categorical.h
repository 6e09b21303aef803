// A categorical distribution over logits, written by hand (LibTorch has no
// torch::distributions): masking, inverse-CDF sampling from a caller's uniform number, the
// log-probability of an action (a log_softmax entry) and the entropy.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <random>
#include <vector>

namespace vimoe::compress {

// logits [K] with -inf where !allowed (allowed empty = all allowed).
torch::Tensor maskLogits(const torch::Tensor& logits, const std::vector<bool>& allowed);
// log-probabilities [K] (log_softmax; -inf for masked entries).
torch::Tensor categoricalLogProbs(const torch::Tensor& maskedLogits);
// The first index whose cumulative probability exceeds u in [0, 1) (masked entries never).
int sampleCategorical(const torch::Tensor& logProbs, double u);
int argmaxCategorical(const torch::Tensor& logProbs);
// -sum p log p over entries with p > 0 (differentiable).
torch::Tensor categoricalEntropy(const torch::Tensor& logProbs);
// A uniform double in [0, 1) with 53 random bits (the same on every platform, unlike std::uniform_real_distribution).
inline double uniform01(std::mt19937_64& rng) { return double(rng() >> 11) * (1.0 / 9007199254740992.0); }

}  // namespace vimoe::compress
