// Truncated, randomised and activation-aware SVD, and the shared helpers of factorize.h.
#include <stdexcept>
#include <string>

#include "vimoe/compress/factorize.h"

namespace vimoe::compress {
namespace {

void checkMatrix(const torch::Tensor& w, std::int64_t k) {
  if (!w.defined() || w.dim() != 2) throw std::invalid_argument("factorisation needs a 2-D matrix");
  if (k < 1) throw std::invalid_argument("factorisation rank must be >= 1, got " + std::to_string(k));
}

// Factors {U_k S_k, V_k^T} of a double matrix, back in the dtype of `like`.
Factorization fromSvd(Method method, const torch::Tensor& w, const torch::Tensor& u, const torch::Tensor& s,
                      const torch::Tensor& vh, std::int64_t k) {
  Factorization f;
  f.method = method;
  f.rows = w.size(0);
  f.cols = w.size(1);
  f.rank = k;
  f.factors = {(u.narrow(1, 0, k) * s.narrow(0, 0, k).unsqueeze(0)).to(w.scalar_type()).contiguous(),
               vh.narrow(0, 0, k).to(w.scalar_type()).contiguous()};
  return f;
}

Factorization finish(Factorization f, const torch::Tensor& w) {
  f.relativeError = relativeError(w, f.reconstruct());
  f.cost = methodCost(f.method, f.rows, f.cols, f.rank);
  return f;
}

}  // namespace

torch::Tensor Factorization::reconstruct() const {
  torch::Tensor out = factors.at(0);
  for (std::size_t i = 1; i < factors.size(); ++i) out = torch::matmul(out, factors[i]);
  return out;
}

double relativeError(const torch::Tensor& w, const torch::Tensor& approx) {
  const auto wd = w.to(torch::kFloat64);
  const double norm = wd.norm().item<double>();
  const double diff = (wd - approx.to(torch::kFloat64)).norm().item<double>();
  return norm > 0 ? diff / norm : diff;
}

Factorization truncatedSvd(const torch::Tensor& w, std::int64_t k) {
  checkMatrix(w, k);
  torch::NoGradGuard noGrad;
  const auto wd = w.detach().to(torch::kFloat64);
  k = std::min<std::int64_t>(k, std::min(w.size(0), w.size(1)));
  auto [u, s, vh] = torch::linalg_svd(wd, false);
  return finish(fromSvd(Method::Svd, w, u, s, vh, k), w);
}

Factorization randomizedSvd(const torch::Tensor& w, std::int64_t k, int oversampling, int powerIterations,
                            std::uint64_t seed) {
  checkMatrix(w, k);
  torch::NoGradGuard noGrad;
  const auto wd = w.detach().to(torch::kFloat64);
  const std::int64_t m = w.size(0), n = w.size(1);
  k = std::min<std::int64_t>(k, std::min(m, n));
  const std::int64_t l = std::min<std::int64_t>(k + std::max(oversampling, 0), std::min(m, n));
  auto gen = at::detail::createCPUGenerator(seed);
  const auto omega = torch::randn({n, l}, gen, torch::TensorOptions().dtype(torch::kFloat64));
  // Range finder with re-orthonormalised power iterations (Halko et al., algorithm 4.4).
  auto q = std::get<0>(torch::linalg_qr(torch::matmul(wd, omega), "reduced"));
  for (int i = 0; i < powerIterations; ++i) {
    const auto z = std::get<0>(torch::linalg_qr(torch::matmul(wd.t(), q), "reduced"));
    q = std::get<0>(torch::linalg_qr(torch::matmul(wd, z), "reduced"));
  }
  auto [ub, s, vh] = torch::linalg_svd(torch::matmul(q.t(), wd), false);
  auto f = fromSvd(Method::RandomizedSvd, w, torch::matmul(q, ub), s, vh, k);
  return finish(std::move(f), w);
}

Factorization activationAwareSvd(const torch::Tensor& w, std::int64_t k, const torch::Tensor& columnScale) {
  checkMatrix(w, k);
  if (!columnScale.defined() || columnScale.dim() != 1 || columnScale.size(0) != w.size(1))
    throw std::invalid_argument("ASVD needs one scale per input column (" + std::to_string(w.size(1)) + ")");
  torch::NoGradGuard noGrad;
  const auto scale = columnScale.to(torch::kFloat64).clamp_min(1e-6);
  const auto wd = w.detach().to(torch::kFloat64);
  k = std::min<std::int64_t>(k, std::min(w.size(0), w.size(1)));
  // SVD of W diag(s): the error is weighted by how strongly each input column is driven.
  auto [u, s, vh] = torch::linalg_svd(wd * scale.unsqueeze(0), false);
  auto f = fromSvd(Method::Asvd, w, u, s, vh / scale.unsqueeze(0), k);
  return finish(std::move(f), w);
}

Factorization denseFactorization(const torch::Tensor& w) {
  Factorization f;
  f.method = Method::Dense;
  f.rows = w.size(0);
  f.cols = w.size(1);
  f.rank = std::min(w.size(0), w.size(1));
  f.factors = {w.detach().clone()};
  f.cost = denseCost(f.rows, f.cols);
  return f;
}

Factorization factorize(Method method, const torch::Tensor& w, std::int64_t k, const FactorizeOptions& options) {
  switch (method) {
    case Method::Dense: return denseFactorization(w);
    case Method::Svd: {
      const auto small = std::min(w.size(0), w.size(1));
      if (small > options.randomizedAbove && 4 * k < small) {
        auto f = randomizedSvd(w, k, options.oversampling, options.powerIterations, options.seed);
        f.method = Method::Svd;  // the same decomposition, computed faster
        return f;
      }
      return truncatedSvd(w, k);
    }
    case Method::RandomizedSvd:
      return randomizedSvd(w, k, options.oversampling, options.powerIterations, options.seed);
    case Method::Asvd:
      return options.columnScale.defined() ? activationAwareSvd(w, k, options.columnScale) : truncatedSvd(w, k);
    case Method::Cur: return curDecomposition(w, k, k, options.curSampled, options.seed);
    case Method::Nmf: return semiNmf(w, k, options.nmfIterations, options.seed);
  }
  throw std::invalid_argument("unknown factorisation method");
}

torch::Tensor cumulativeEnergy(const torch::Tensor& w) {
  torch::NoGradGuard noGrad;
  const auto s = torch::linalg_svdvals(w.detach().to(torch::kFloat64));
  const auto e = s.square().cumsum(0);
  return e / e[-1].clamp_min(1e-300);
}

}  // namespace vimoe::compress
