#include <gtest/gtest.h>

#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

TEST(DidYouMean, SuggestsTheNearestCandidate) {
  EXPECT_EQ(didYouMean("num_expert", {"enabled", "num_experts", "top_k"}), "num_experts");
  EXPECT_EQ(didYouMean("topk", {"top_k"}), "top_k");
  EXPECT_EQ(didYouMean("modle", {"data", "model", "moe"}), "model");
  EXPECT_EQ(didYouMean("capacity_factor", {"capacity_factor_train", "capacity_factor_eval"}), "capacity_factor_eval");
}

TEST(DidYouMean, AllowsTwoEditsForShortKeysAndAThirdOfTheLengthForLongOnes) {
  EXPECT_EQ(didYouMean("lx", {"lr"}), "lr");
  EXPECT_EQ(didYouMean("abc", {"xyz"}), "");  // three edits on a three-letter key
  // 12 letters allow 4 edits.
  EXPECT_EQ(didYouMean("warmup_stepz", {"warmup"}), "");
  EXPECT_EQ(didYouMean("wormap_stxpz", {"warmup_steps"}), "warmup_steps");  // 4 edits
  EXPECT_EQ(didYouMean("wormap_ftxpz", {"warmup_steps"}), "");              // 5 edits
}

TEST(DidYouMean, NothingCloseGivesEmpty) {
  EXPECT_EQ(didYouMean("zzzzzzzz", {"contrastive", "load_balance_weight"}), "");
  EXPECT_EQ(didYouMean("steps", {}), "");
}

TEST(DidYouMean, TiesGoToTheFirstCandidate) { EXPECT_EQ(didYouMean("ab", {"ax", "xb"}), "ax"); }

}  // namespace
}  // namespace vimoe::config
