// Parameter, MAC and byte formulas of the factorised forms, on shapes small enough to check by hand.
#include <gtest/gtest.h>

#include "vimoe/compress/cost.h"

using namespace vimoe::compress;

TEST(CompressCost, DenseLowRankAndCurCountsOnSmallShapes) {
  const auto dense = denseCost(6, 4);
  EXPECT_EQ(dense.params, 24);
  EXPECT_EQ(dense.macs, 24);
  EXPECT_EQ(dense.bytes, 96);
  const auto svd = lowRankCost(6, 4, 2);  // L [6,2] + R [2,4]
  EXPECT_EQ(svd.params, 20);
  EXPECT_EQ(svd.macs, 20);
  EXPECT_EQ(svd.bytes, 80);
  const auto cur = curCost(6, 4, 2, 3);  // C [6,2] + U [2,3] + R [3,4]
  EXPECT_EQ(cur.params, 12 + 6 + 12);
  EXPECT_EQ(methodCost(Method::Cur, 6, 4, 2).params, 12 + 4 + 8);
  EXPECT_EQ(methodCost(Method::Dense, 6, 4, 3).params, 24);
  EXPECT_EQ(lowRankCost(6, 4, 2, 2).bytes, 40);  // F16
}

TEST(CompressCost, RankForRatioKeepsTheFormUnderTheRatioAndBelowDense) {
  // 64 x 256: k(m + n) = 320 k <= 0.5 * 16384 = 8192 -> k = 25.
  EXPECT_EQ(rankForRatio(Method::Svd, 64, 256, 0.5), 25);
  EXPECT_EQ(rankForRatio(Method::Nmf, 64, 256, 0.5), 25);
  // CUR: k^2 + 320 k <= 8192 -> k = 23 (23^2 + 7360 = 7889; 24^2 + 7680 = 8256).
  EXPECT_EQ(rankForRatio(Method::Cur, 64, 256, 0.5), 23);
  EXPECT_EQ(rankForRatio(Method::Svd, 64, 256, 1.0), 0);   // keep dense
  EXPECT_EQ(rankForRatio(Method::Svd, 64, 256, 0.001), 1); // at least rank 1
  EXPECT_EQ(rankForRatio(Method::Svd, 2, 2, 0.9), 0);      // rank 1 costs 4 = dense: not worth it
  EXPECT_EQ(parseMethod("cur"), Method::Cur);
  EXPECT_FALSE(parseMethod("pca").has_value());
}
