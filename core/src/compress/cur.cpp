// CUR decomposition with leverage-score selection (REFERENCES.md section 7): the kept columns
// and rows are actual columns and rows of W, which is the point of CUR (interpretable, sparse
// structure), at the price of more parameters than the SVD at equal rank.
#include <stdexcept>

#include "vimoe/compress/factorize.h"

namespace vimoe::compress {
namespace {

// The indices of `count` entries of `scores`: the largest (ties to the lower index), or drawn
// without replacement with probability proportional to the score; returned ascending.
torch::Tensor pick(const torch::Tensor& scores, std::int64_t count, bool sampled, std::uint64_t seed) {
  count = std::min<std::int64_t>(count, scores.size(0));
  torch::Tensor chosen;
  if (sampled) {
    auto gen = at::detail::createCPUGenerator(seed);
    chosen = torch::multinomial(scores.to(torch::kFloat64).clamp_min(1e-12), count, false, gen);
  } else {
    // Stable descending order: equal scores keep their index order, so the choice is deterministic.
    chosen = std::get<1>(scores.sort(/*stable=*/true, 0, /*descending=*/true)).narrow(0, 0, count);
  }
  return std::get<0>(chosen.sort()).to(torch::kLong);
}

}  // namespace

torch::Tensor columnLeverage(const torch::Tensor& w, std::int64_t k) {
  torch::NoGradGuard noGrad;
  auto vh = std::get<2>(torch::linalg_svd(w.detach().to(torch::kFloat64), false));
  k = std::min<std::int64_t>(std::max<std::int64_t>(k, 1), vh.size(0));
  return vh.narrow(0, 0, k).square().sum(0) / double(k);
}

Factorization curDecomposition(const torch::Tensor& w, std::int64_t c, std::int64_t r, bool sampled, std::uint64_t seed) {
  if (!w.defined() || w.dim() != 2) throw std::invalid_argument("CUR needs a 2-D matrix");
  if (c < 1 || r < 1) throw std::invalid_argument("CUR needs at least one column and one row");
  torch::NoGradGuard noGrad;
  const auto wd = w.detach().to(torch::kFloat64);
  const std::int64_t k = std::min(std::min(c, r), std::min(w.size(0), w.size(1)));
  auto [u, s, vh] = torch::linalg_svd(wd, false);
  const auto colScores = vh.narrow(0, 0, k).square().sum(0) / double(k);   // [n]
  const auto rowScores = u.narrow(1, 0, k).square().sum(1) / double(k);    // [m]
  Factorization f;
  f.method = Method::Cur;
  f.rows = w.size(0);
  f.cols = w.size(1);
  f.keptColumns = pick(colScores, c, sampled, seed);
  f.keptRows = pick(rowScores, r, sampled, seed ^ 0x5bd1e995ULL);
  const auto cm = wd.index_select(1, f.keptColumns);  // [m, c]
  const auto rm = wd.index_select(0, f.keptRows);     // [r, n]
  const auto um = torch::matmul(torch::matmul(torch::linalg_pinv(cm), wd), torch::linalg_pinv(rm));
  f.rank = std::min(f.keptColumns.size(0), f.keptRows.size(0));
  f.factors = {w.detach().index_select(1, f.keptColumns).contiguous(), um.to(w.scalar_type()).contiguous(),
               w.detach().index_select(0, f.keptRows).contiguous()};
  f.relativeError = relativeError(w, f.reconstruct());
  f.cost = curCost(f.rows, f.cols, f.keptColumns.size(0), f.keptRows.size(0));
  return f;
}

}  // namespace vimoe::compress
