// Semi-NMF (Ding, Li and Jordan 2010): W [m, n] ~ L R with R >= 0 [k, n] and L of any sign.
// Weights have both signs, so plain NMF does not apply; semi-NMF keeps one factor
// non-negative (its rows are non-negative "parts" of the input space). With G = R^T:
//   L = W G (G^T G)^-1,   G <- G * sqrt(([W^T L]+ + G [L^T L]-) / ([W^T L]- + G [L^T L]+))
// where A+ = (|A| + A)/2 and A- = (|A| - A)/2. Each pair of updates does not increase
// ||W - L R||_F; the start is the SVD's R with negative parts folded to absolute values.
#include <stdexcept>

#include "vimoe/compress/factorize.h"

namespace vimoe::compress {
namespace {

torch::Tensor positivePart(const torch::Tensor& a) { return (a.abs() + a) * 0.5; }
torch::Tensor negativePart(const torch::Tensor& a) { return (a.abs() - a) * 0.5; }

// Least-squares L for fixed G (the pseudo-inverse guards against a rank-deficient G^T G).
torch::Tensor solveLeft(const torch::Tensor& w, const torch::Tensor& g) {
  return torch::matmul(torch::matmul(w, g), torch::linalg_pinv(torch::matmul(g.t(), g)));
}

}  // namespace

Factorization semiNmf(const torch::Tensor& w, std::int64_t k, int iterations, std::uint64_t seed) {
  if (!w.defined() || w.dim() != 2) throw std::invalid_argument("semi-NMF needs a 2-D matrix");
  if (k < 1) throw std::invalid_argument("semi-NMF rank must be >= 1");
  torch::NoGradGuard noGrad;
  const auto wd = w.detach().to(torch::kFloat64);
  k = std::min<std::int64_t>(k, std::min(w.size(0), w.size(1)));
  auto [u, s, vh] = torch::linalg_svd(wd, false);
  // G [n, k] > 0: |sigma_i v_i| plus a small seeded jitter so no entry starts at an exact zero
  // (a multiplicative update cannot move an entry away from zero).
  auto gen = at::detail::createCPUGenerator(seed);
  auto g = (vh.narrow(0, 0, k).t() * s.narrow(0, 0, k).unsqueeze(0)).abs();
  g = g + 1e-3 * g.mean() * torch::rand(g.sizes(), gen, torch::TensorOptions().dtype(torch::kFloat64));
  auto l = solveLeft(wd, g);
  constexpr double eps = 1e-12;
  for (int it = 0; it < iterations; ++it) {
    const auto wtl = torch::matmul(wd.t(), l);  // [n, k]
    const auto ltl = torch::matmul(l.t(), l);   // [k, k]
    const auto num = positivePart(wtl) + torch::matmul(g, negativePart(ltl));
    const auto den = negativePart(wtl) + torch::matmul(g, positivePart(ltl));
    g = g * ((num + eps) / (den + eps)).sqrt();
    l = solveLeft(wd, g);
  }
  Factorization f;
  f.method = Method::Nmf;
  f.rows = w.size(0);
  f.cols = w.size(1);
  f.rank = k;
  f.factors = {l.to(w.scalar_type()).contiguous(), g.t().to(w.scalar_type()).contiguous()};
  f.relativeError = relativeError(w, f.reconstruct());
  f.cost = lowRankCost(f.rows, f.cols, k);
  return f;
}

}  // namespace vimoe::compress
