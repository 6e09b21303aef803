// Retrieval recall on hand-made embeddings whose ranks are known.
#include <gtest/gtest.h>

#include "vimoe/eval/retrieval.h"

TEST(RetrievalRecall, HandWorkedRanks) {
  // Three images on the axes; four captions: 0,1 belong to image 0, 2 to image 1, 3 to image 2.
  const auto images = torch::eye(3);
  // caption 0 = image 0 (rank 1); caption 1 closest to image 1 (wrong), then image 0;
  // caption 2 = image 1; caption 3 closest to image 0, then image 1, then image 2 (rank 3).
  const auto texts = torch::tensor({{1.0f, 0.0f, 0.0f}, {0.6f, 0.8f, 0.0f}, {0.0f, 1.0f, 0.0f}, {0.8f, 0.5f, 0.33f}});
  const auto owner = torch::tensor({0, 0, 1, 2}, torch::kLong);
  const auto s = vimoe::eval::retrievalRecall(images, texts, owner);
  // text->image R@1: captions 0 and 2 hit -> 2/4.
  EXPECT_DOUBLE_EQ(s.textToImageR1, 0.5);
  // R@5 covers all three images -> 1.
  EXPECT_DOUBLE_EQ(s.textToImageR5, 1.0);
  // image->text R@1: image 0's best caption is 0 (own, 1.0) -> hit; image 1's best is caption 2 (1.0) -> hit;
  // image 2's best is caption 3 (0.33 vs 0) -> hit.
  EXPECT_DOUBLE_EQ(s.imageToTextR1, 1.0);
}

TEST(RetrievalRecall, ImageToTextMissWhenAnotherCaptionWins) {
  const auto images = torch::tensor({{1.0f, 0.0f}, {0.0f, 1.0f}});
  const auto texts = torch::tensor({{0.9f, 0.1f}, {1.0f, 0.0f}});  // both captions point at image 0
  const auto owner = torch::tensor({0, 1}, torch::kLong);
  const auto s = vimoe::eval::retrievalRecall(images, texts, owner);
  // image 0: best caption 1 (1.0) is image 1's -> miss; image 1: best is caption 0 (0.1) -> miss.
  EXPECT_DOUBLE_EQ(s.imageToTextR1, 0.0);
  EXPECT_DOUBLE_EQ(s.textToImageR1, 0.5);  // caption 0 hits image 0; caption 1 misses
}
