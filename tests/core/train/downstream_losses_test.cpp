// The downstream losses on hand-made logits: which positions count, and the values.
#include <gtest/gtest.h>

#include <cmath>

#include "vimoe/train/downstream_losses.h"

using namespace vimoe;

TEST(DownstreamLosses, CaptionLossIsNextPieceCrossEntropyOverRealTargets) {
  // Uniform logits over V = 8: every counted target costs ln 8. ids "<s> 5 </s> <pad>": targets
  // 5 and </s> count, the padding target does not; the mean is ln 8.
  const auto ids = torch::tensor({2, 5, 3, 0}, torch::kLong).view({1, 4});
  const auto uniform = torch::zeros({1, 4, 8});
  EXPECT_NEAR(train::captionLoss(uniform, ids).item<double>(), std::log(8.0), 1e-6);
  // Put all mass on the right piece at position 0 (predicting 5): that term becomes ~0, the
  // other stays ln 8, so the mean is ln 8 / 2.
  auto logits = uniform.clone();
  logits[0][0][5] = 100.0;
  EXPECT_NEAR(train::captionLoss(logits, ids).item<double>(), std::log(8.0) / 2, 1e-5);
  // A confident wrong prediction at the padding position changes nothing.
  logits[0][3][1] = 100.0;
  EXPECT_NEAR(train::captionLoss(logits, ids).item<double>(), std::log(8.0) / 2, 1e-5);
}

TEST(DownstreamLosses, AnswerSequenceLossCountsOnlyTheAnswer) {
  // "<s> q1 q2 </s> a1 </s> <pad>": answerStart = 4, so the targets counted are a1 (predicted
  // at position 3) and the final </s> (position 4).
  const auto ids = torch::tensor({2, 10, 11, 3, 12, 3, 0}, torch::kLong).view({1, 7});
  const auto start = torch::tensor({4}, torch::kLong);
  auto logits = torch::zeros({1, 7, 16});
  // Wildly wrong about the question pieces: must not matter.
  logits[0][0][15] = 50.0;
  logits[0][1][15] = 50.0;
  logits[0][2][15] = 50.0;
  EXPECT_NEAR(train::answerSequenceLoss(logits, ids, start).item<double>(), std::log(16.0), 1e-5);
  logits[0][3][12] = 100.0;  // right about a1
  logits[0][4][3] = 100.0;   // right about </s>
  EXPECT_NEAR(train::answerSequenceLoss(logits, ids, start).item<double>(), 0.0, 1e-5);
}

TEST(DownstreamLosses, AnswerClassLossSkipsAnswersOutsideTheVocabulary) {
  // Row 0: logits (0, ln 3) over 2 classes, class 1 -> p = 3/4, loss ln(4/3); row 1 has no class.
  const auto logits = torch::tensor({0.0, std::log(3.0), 5.0, -5.0}).view({2, 2});
  const auto classes = torch::tensor({1, -1}, torch::kLong);
  EXPECT_NEAR(train::answerClassLoss(logits, classes).item<double>(), std::log(4.0 / 3.0), 1e-6);
  const auto none = train::answerClassLoss(logits.clone().requires_grad_(true), torch::tensor({-1, -1}, torch::kLong));
  EXPECT_EQ(none.item<double>(), 0.0);
}
