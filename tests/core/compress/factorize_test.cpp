// The factorisations of one matrix: exact at full rank, error falling with rank, randomised
// SVD close to exact on a low-rank matrix, CUR keeping actual columns and rows, semi-NMF
// respecting its sign constraint and improving with iterations, ASVD weighting by scale.
#include <gtest/gtest.h>

#include "vimoe/compress/factorize.h"

using namespace vimoe::compress;

namespace {

torch::Tensor randomMatrix(std::int64_t m, std::int64_t n, std::uint64_t seed) {
  auto gen = at::detail::createCPUGenerator(seed);
  return torch::randn({m, n}, gen, torch::TensorOptions().dtype(torch::kFloat32));
}

// A matrix of exact rank r (plus nothing).
torch::Tensor lowRankMatrix(std::int64_t m, std::int64_t n, std::int64_t r, std::uint64_t seed) {
  return torch::matmul(randomMatrix(m, r, seed), randomMatrix(r, n, seed + 1));
}

}  // namespace

TEST(CompressFactorize, SvdAtFullRankReconstructsExactly) {
  const auto w = randomMatrix(12, 8, 1);
  const auto f = truncatedSvd(w, 8);
  ASSERT_EQ(f.factors.size(), 2u);
  EXPECT_EQ(f.factors[0].sizes(), (std::vector<std::int64_t>{12, 8}));
  EXPECT_EQ(f.factors[1].sizes(), (std::vector<std::int64_t>{8, 8}));
  EXPECT_LT(f.relativeError, 1e-5);
  EXPECT_LT((f.reconstruct() - w).abs().max().item<float>(), 1e-5);
  EXPECT_EQ(f.cost.params, 8 * (12 + 8));
}

TEST(CompressFactorize, ErrorDecreasesWithRankAndMatchesTheDiscardedEnergy) {
  const auto w = randomMatrix(16, 10, 2);
  const auto energy = cumulativeEnergy(w);
  double previous = 2.0;
  for (std::int64_t k = 1; k <= 10; ++k) {
    const auto f = truncatedSvd(w, k);
    EXPECT_LT(f.relativeError, previous) << "rank " << k;
    // Eckart-Young: the error is the discarded share of sum sigma^2.
    EXPECT_NEAR(f.relativeError * f.relativeError, 1.0 - energy[k - 1].item<double>(), 1e-5);
    previous = f.relativeError;
  }
}

TEST(CompressFactorize, RandomizedSvdIsCloseToExactOnALowRankMatrix) {
  const auto w = lowRankMatrix(60, 40, 5, 3) + 1e-3 * randomMatrix(60, 40, 9);
  const auto exact = truncatedSvd(w, 5);
  const auto fast = randomizedSvd(w, 5, 5, 2, 42);
  EXPECT_LT(fast.relativeError, exact.relativeError + 1e-4);
  EXPECT_LT(relativeError(exact.reconstruct(), fast.reconstruct()), 1e-3);
  // Seeded: the same seed gives the same factors.
  const auto again = randomizedSvd(w, 5, 5, 2, 42);
  EXPECT_TRUE(torch::equal(fast.factors[0], again.factors[0]));
}

TEST(CompressFactorize, CurKeepsActualColumnsAndRows) {
  const auto w = randomMatrix(10, 7, 4);
  for (bool sampled : {false, true}) {
    const auto f = curDecomposition(w, 3, 4, sampled, 5);
    ASSERT_EQ(f.factors.size(), 3u);
    ASSERT_EQ(f.keptColumns.size(0), 3);
    ASSERT_EQ(f.keptRows.size(0), 4);
    const auto cols = f.keptColumns.accessor<std::int64_t, 1>();
    const auto rows = f.keptRows.accessor<std::int64_t, 1>();
    for (int j = 0; j < 3; ++j)
      for (int i = 0; i < 10; ++i)
        EXPECT_EQ(f.factors[0][i][j].item<float>(), w[i][cols[j]].item<float>());
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 7; ++j)
        EXPECT_EQ(f.factors[2][i][j].item<float>(), w[rows[i]][j].item<float>());
    EXPECT_EQ(f.cost.params, 10 * 3 + 3 * 4 + 4 * 7);
    EXPECT_LT(f.relativeError, 1.0);
  }
  // Full CUR of a rank-2 matrix with 2 columns and rows reconstructs it.
  const auto low = lowRankMatrix(9, 6, 2, 6);
  EXPECT_LT(curDecomposition(low, 2, 2, false, 0).relativeError, 1e-4);
}

TEST(CompressFactorize, CurTopScoresPickTheDominantColumn) {
  // Column 2 carries almost all the energy: its leverage for k = 1 is close to 1.
  auto w = 0.01 * randomMatrix(6, 5, 7);
  w.select(1, 2).add_(torch::arange(1, 7, torch::kFloat32));
  const auto lev = columnLeverage(w, 1);
  EXPECT_GT(lev[2].item<double>(), 0.99);
  EXPECT_EQ(curDecomposition(w, 1, 1, false, 0).keptColumns[0].item<std::int64_t>(), 2);
}

TEST(CompressFactorize, SemiNmfKeepsItsRightFactorNonNegativeAndImprovesWithIterations) {
  const auto w = randomMatrix(20, 12, 8);
  const auto start = semiNmf(w, 4, 0, 1);
  const auto some = semiNmf(w, 4, 10, 1);
  const auto more = semiNmf(w, 4, 200, 1);
  for (const auto* f : {&start, &some, &more}) EXPECT_GE(f->factors[1].min().item<float>(), 0.0f);
  EXPECT_LE(some.relativeError, start.relativeError + 1e-6);
  EXPECT_LE(more.relativeError, some.relativeError + 1e-6);
  EXPECT_LT(more.relativeError, start.relativeError);
  // Never better than the optimal rank-4 approximation.
  EXPECT_GE(more.relativeError, truncatedSvd(w, 4).relativeError - 1e-6);
  EXPECT_TRUE(torch::equal(more.factors[0], semiNmf(w, 4, 200, 1).factors[0]));  // deterministic
}

TEST(CompressFactorize, ActivationAwareSvdFavoursTheStronglyDrivenColumns) {
  const auto w = randomMatrix(8, 6, 10);
  auto scale = torch::ones({6});
  scale[0] = 100.0f;  // column 0 sees large inputs
  const auto plain = truncatedSvd(w, 2);
  const auto aware = activationAwareSvd(w, 2, scale);
  const auto col0 = [&](const Factorization& f) { return (f.reconstruct().select(1, 0) - w.select(1, 0)).norm().item<double>(); };
  EXPECT_LT(col0(aware), col0(plain));
  EXPECT_GE(aware.relativeError, plain.relativeError - 1e-9);  // plain SVD is optimal unweighted
  EXPECT_LT(activationAwareSvd(w, 6, scale).relativeError, 1e-5);
  EXPECT_THROW(activationAwareSvd(w, 2, torch::ones({5})), std::invalid_argument);
}

TEST(CompressFactorize, DispatchAndDense) {
  const auto w = randomMatrix(5, 4, 11);
  const auto dense = factorize(Method::Dense, w, 0);
  EXPECT_EQ(dense.relativeError, 0.0);
  EXPECT_EQ(dense.cost.params, 20);
  EXPECT_EQ(factorize(Method::Cur, w, 2).cost.params, 5 * 2 + 4 + 2 * 4);
  EXPECT_THROW(truncatedSvd(w, 0), std::invalid_argument);
}
