#include <gtest/gtest.h>

#include "vimoe/train/lr_schedule.h"

using vimoe::train::learningRate;

TEST(LearningRate, WarmupThenCosineToFloor) {
  vimoe::config::OptimConfig o;
  o.lr = 1.0;
  o.warmup_steps = 4;
  o.min_lr_ratio = 0.1;
  EXPECT_DOUBLE_EQ(learningRate(o, 0, 104), 0.25);
  EXPECT_DOUBLE_EQ(learningRate(o, 3, 104), 1.0);
  EXPECT_DOUBLE_EQ(learningRate(o, 4, 104), 1.0);          // cosine starts at the peak
  EXPECT_NEAR(learningRate(o, 54, 104), 0.55, 1e-12);      // halfway: 0.1 + 0.9 * 0.5
  EXPECT_NEAR(learningRate(o, 104, 104), 0.1, 1e-12);      // the floor
  o.schedule = "constant";
  EXPECT_DOUBLE_EQ(learningRate(o, 90, 104), 1.0);
}
