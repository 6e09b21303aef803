// Training-time crops and flips (train/batch_augment.h) on real decoded-size uint8 batches, and
// the per-caption / per-question rule for which images may be mirrored.
#include "vimoe/train/batch_augment.h"

#include <gtest/gtest.h>

#include "vimoe/data/augment.h"

using namespace vimoe;

namespace {

// Each image a left-to-right ramp, different per row: a flip and a crop both change it.
torch::Tensor rampBatch(std::int64_t n, std::int64_t size) {
  auto x = torch::arange(size, torch::kFloat32).mul(255.0 / double(size - 1));
  auto image = x.view({1, 1, 1, size}).expand({n, 3, size, size}).clone();
  image += torch::arange(n, torch::kFloat32).view({n, 1, 1, 1});
  return image.clamp(0, 255).to(torch::kUInt8);
}

}  // namespace

TEST(BatchAugment, OffLeavesTheBatchAlone) {
  const auto pixels = rampBatch(4, 32);
  const auto out = train::augmentPixels(pixels, torch::ones({4}, torch::kBool), {}, 7, 3);
  EXPECT_TRUE(torch::equal(out, pixels));
}

TEST(BatchAugment, SameSeedAndIndexGiveTheSameBatch) {
  const auto pixels = rampBatch(8, 32);
  const auto all = torch::ones({8}, torch::kBool);
  const train::BatchAugment augment{0.3, true};
  const auto a = train::augmentPixels(pixels, all, augment, 11, 5);
  const auto b = train::augmentPixels(pixels, all, augment, 11, 5);
  const auto c = train::augmentPixels(pixels, all, augment, 11, 6);
  EXPECT_EQ(a.sizes(), pixels.sizes());
  EXPECT_EQ(a.scalar_type(), torch::kUInt8);
  EXPECT_TRUE(torch::equal(a, b));
  EXPECT_FALSE(torch::equal(a, c));
  EXPECT_FALSE(torch::equal(a, pixels));
}

TEST(BatchAugment, FlipsAboutHalfOfTheMirrorableRowsAndNeverTheOthers) {
  const std::int64_t size = 16;
  const auto pixels = rampBatch(2, size);
  const auto mirrorable = torch::tensor({1, 0}, torch::kLong).to(torch::kBool);
  int flipped = 0;
  const int draws = 400;
  for (int index = 0; index < draws; ++index) {
    const auto out = train::augmentPixels(pixels, mirrorable, {1.0, true}, 3, index);
    EXPECT_TRUE(torch::equal(out[1], pixels[1])) << "row 1 is not mirrorable, index " << index;
    if (torch::equal(out[0], pixels[0].flip({2}))) {
      ++flipped;
    } else {
      EXPECT_TRUE(torch::equal(out[0], pixels[0])) << "index " << index;
    }
  }
  // Binomial(400, 1/2): 200 +- 10; 160..240 is four standard deviations.
  EXPECT_GT(flipped, 160);
  EXPECT_LT(flipped, 240);
}

TEST(BatchAugment, CropsZoomInAndKeepAFlatImageFlat) {
  const std::int64_t size = 64;
  const auto flat = torch::full({3, 3, size, size}, 90, torch::kUInt8);
  const train::BatchAugment crop{0.1, false};
  EXPECT_TRUE(torch::equal(train::augmentPixels(flat, {}, crop, 1, 0), flat));

  // A ramp cropped to a part and resized back spans a narrower range of values on average.
  const auto ramp = rampBatch(16, size);
  const auto out = train::augmentPixels(ramp, {}, crop, 1, 0);
  const auto span = [](const torch::Tensor& t) {
    const auto f = t.to(torch::kFloat32);
    return (f.amax({1, 2, 3}) - f.amin({1, 2, 3})).mean().item<double>();
  };
  EXPECT_LT(span(out), 0.9 * span(ramp));
}

TEST(BatchAugment, TextThatNamesLeftOrRightKeepsItsImageUnmirrored) {
  EXPECT_TRUE(data::namesLeftOrRight("Con chó ở bên trái chiếc xe."));
  EXPECT_TRUE(data::namesLeftOrRight("người đàn ông giơ tay phải"));
  EXPECT_FALSE(data::namesLeftOrRight("một giỏ trái cây trên bàn"));
  EXPECT_FALSE(data::namesLeftOrRight("có phải đây là con mèo không"));
  // NFD input without a direction is not mistaken for one by normalisation alone.
  EXPECT_FALSE(data::namesLeftOrRight("con me\xCC\x80o"));  // "con mèo", e + combining grave
}
