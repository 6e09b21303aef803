// Lipschitz estimates behind the paper's theory (seed 003, REFERENCES.md section 6):
//  - the empirical local Lipschitz constant of a model around its data: the largest gradient
//    norm of the logit margin found by searching the eps-ball (clean point, random points and
//    the path of an attack), in l2 and in l1 (the dual of l_inf: |g(x + d) - g(x)| <= |grad|_1 eps);
//  - per-expert (and dense FFN) spectral norms by power iteration, giving the bound
//    L(FFN) <= |W2| * Lip(GELU) * |W1|;
//  - the two terms of Lemma 1 for a smooth MoE f = sum_i p_i(x) f_i(x), p = softmax(R x):
//    L_f <= max_i L_{f_i} + sup_x | sum_i p_i(x) f_i(x) (r_i - r_bar(x))^T |, r_bar = sum_j p_j r_j,
//    the second one evaluated (spectral norm per token) on the layer inputs of real data.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/robust/attack_targets.h"

namespace vimoe::robust {

// Largest derivative of GELU (at x ~ 0.7518): its Lipschitz constant.
constexpr double kGeluLipschitz = 1.1289;

// Largest singular value of a 2-D matrix by power iteration on W^T W.
double spectralNorm(const torch::Tensor& weight, int iterations = 50, std::uint64_t seed = 0);

struct FfnSpectral {
  std::string layer;  // "image.blocks.1" (MoE) or "image.blocks.0" (dense FFN)
  int expert = -1;    // -1: a dense FFN
  double w1 = 0, w2 = 0;
  double bound() const { return w1 * w2 * kGeluLipschitz; }
};
// Every dense FFN and every expert of every MoE layer of the set's model.
std::vector<FfnSpectral> ffnSpectralNorms(const AttackSet& set, int iterations = 50);

struct LocalLipschitz {
  double radius = 0;
  std::int64_t samples = 0;
  double meanL2 = 0, maxL2 = 0;  // gradient norm of the margin, l2
  double meanL1 = 0, maxL1 = 0;  // l1: the constant against l_inf perturbations
};
// The margin z_y - max_{j != y} z_j (caption: the NLL). `randomPoints` uniform points plus the
// `searchSteps` iterates of a sign-gradient descent on the margin, per sample.
LocalLipschitz localLipschitz(const AttackSet& set, double radius, int searchSteps = 10, int randomPoints = 4,
                              std::uint64_t seed = 0, int batchSize = 64);

struct Lemma1Terms {
  std::string layer;
  double maxExpertLipschitz = 0;  // max_i of the experts' spectral bounds
  double routerTermMax = 0;       // sup over the data's tokens of the second term
  double routerTermMean = 0;
  std::int64_t tokens = 0;
  double bound() const { return maxExpertLipschitz + routerTermMax; }
};
// Per MoE layer the set's input reaches, on the layer inputs of up to `maxTokens` tokens of the
// set's first 64 clean samples.
std::vector<Lemma1Terms> lemma1Terms(const AttackSet& set, int maxTokens = 2048, int iterations = 50);

}  // namespace vimoe::robust
