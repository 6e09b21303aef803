// Low-rank factorisations of one weight matrix W [m x n] (any Linear weight, attention
// projection, FFN weight or one expert's slice), REFERENCES.md section 7:
//  - truncated SVD, W ~ (U_k S_k) V_k^T;
//  - randomised SVD (Halko et al.): a seeded Gaussian sketch with oversampling and power
//    iterations, then the SVD of the small projected matrix;
//  - activation-aware SVD (ASVD): the SVD of W diag(s), where s scales each input column by
//    its activation statistics on calibration data, with diag(s)^-1 folded back into R;
//  - CUR: actual columns C and rows R of W chosen by leverage scores of the top-k singular
//    vectors (the top scores, or sampled with a seed), U = C^+ W R^+;
//  - semi-NMF (Ding, Li and Jordan): W ~ L R with R >= 0 and L of any sign, multiplicative
//    updates from an SVD start; each update does not increase the error.
// Each result carries the factors (their product in order is W_hat), the relative error
// ||W - W_hat||_F / ||W||_F and the counts of cost.h. Bad arguments (k < 1, a scale of the
// wrong length) are broken invariants and throw std::invalid_argument.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "vimoe/compress/cost.h"

namespace vimoe::compress {

struct Factorization {
  Method method = Method::Svd;
  std::int64_t rows = 0, cols = 0, rank = 0;  // m, n, k (CUR: c = r = k)
  // SVD, rSVD, ASVD, NMF: {L [m,k], R [k,n]}; CUR: {C [m,c], U [c,r], R [r,n]}; Dense: {W}.
  std::vector<torch::Tensor> factors;
  torch::Tensor keptColumns, keptRows;  // CUR only: int64 indices into W, ascending
  double relativeError = 0;
  CostCounts cost;
  torch::Tensor reconstruct() const;
};

struct FactorizeOptions {
  std::uint64_t seed = 0;
  int oversampling = 10;      // randomised SVD
  int powerIterations = 2;
  // Svd switches to the randomised SVD when min(m, n) exceeds this and k is under a quarter of it.
  std::int64_t randomizedAbove = 1024;
  bool curSampled = false;    // CUR: seeded sampling by leverage instead of the top scores
  int nmfIterations = 100;
  torch::Tensor columnScale;  // ASVD: [n] positive scale of each input column
};

double relativeError(const torch::Tensor& w, const torch::Tensor& approx);

Factorization truncatedSvd(const torch::Tensor& w, std::int64_t k);
Factorization randomizedSvd(const torch::Tensor& w, std::int64_t k, int oversampling, int powerIterations, std::uint64_t seed);
Factorization activationAwareSvd(const torch::Tensor& w, std::int64_t k, const torch::Tensor& columnScale);
Factorization curDecomposition(const torch::Tensor& w, std::int64_t c, std::int64_t r, bool sampled, std::uint64_t seed);
Factorization semiNmf(const torch::Tensor& w, std::int64_t k, int iterations, std::uint64_t seed);
Factorization denseFactorization(const torch::Tensor& w);

// Dispatch on `method` (rank k; Dense keeps W).
Factorization factorize(Method method, const torch::Tensor& w, std::int64_t k, const FactorizeOptions& options = {});

// Leverage scores of the columns of W for its top-k right singular vectors: (1/k) sum_i v_ji^2.
torch::Tensor columnLeverage(const torch::Tensor& w, std::int64_t k);
// Fraction of sum sigma^2 kept by the top-i singular values, i = 1..min(m, n).
torch::Tensor cumulativeEnergy(const torch::Tensor& w);

}  // namespace vimoe::compress
