// Zero-shot accuracy: argmax over class prompt similarities against the labels.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "vimoe/eval/zero_shot.h"

TEST(ZeroShot, CountsImagesWhoseMostSimilarPromptIsTheirClass) {
  // Classes along the axes; images 0 and 1 point at class 0 and 1, image 2 at class 0 but is
  // labelled 1, image 3 at class 1: 3 of 4 right.
  const auto classes = torch::eye(2);
  const auto images = torch::tensor({{1.0f, 0.1f}, {0.2f, 0.9f}, {0.8f, 0.3f}, {0.0f, 1.0f}});
  const auto labels = torch::tensor({0, 1, 1, 1}, torch::kLong);
  EXPECT_DOUBLE_EQ(vimoe::eval::zeroShotAccuracy(images, classes, labels), 0.75);
  EXPECT_DOUBLE_EQ(vimoe::eval::zeroShotAccuracy(torch::zeros({0, 2}), classes, torch::zeros({0}, torch::kLong)), 0.0);
}
