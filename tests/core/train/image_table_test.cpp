// Streamed and in-memory image tables give the same bytes for the same rows (decode, shorter
// side resized, centre crop), so whether a split fits data.image_cache_mb never changes what a
// model sees; an image that cannot be decoded is named and black, never a crash.
#include "vimoe/train/image_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "support/scratch_dir.h"

using namespace vimoe;

namespace {

// Non-square photos with a distinct colour field each, as PNG and JPEG.
std::vector<std::string> writePhotos(const test_support::ScratchDir& dir) {
  std::vector<std::string> paths;
  for (int i = 0; i < 6; ++i) {
    cv::Mat image(120 + 10 * i, 200 - 15 * i, CV_8UC3, cv::Scalar(20 * i, 255 - 30 * i, 7 * i));
    cv::rectangle(image, {5 * i, 3 * i, 40, 30}, cv::Scalar(255, 0, 0), cv::FILLED);
    paths.push_back(dir.path("photo" + std::to_string(i) + (i % 2 ? ".jpg" : ".png")));
    cv::imwrite(paths.back(), image);
  }
  return paths;
}

train::ImageTable tableOf(const std::vector<std::string>& paths, std::int64_t cacheMb) {
  train::ImageTableBuilder builder(static_cast<std::int64_t>(paths.size()), 64, cacheMb);
  for (const auto& path : paths) EXPECT_TRUE(builder.add(path)) << path;
  return builder.build();
}

}  // namespace

TEST(ImageTable, StreamedAndInMemoryGiveTheSameBytes) {
  test_support::ScratchDir dir;
  const auto paths = writePhotos(dir);
  const auto held = tableOf(paths, 1024);
  const auto streamed = tableOf(paths, 0);
  ASSERT_TRUE(held.inMemory());
  ASSERT_FALSE(streamed.inMemory());
  EXPECT_EQ(held.size(), 6);
  EXPECT_EQ(streamed.size(), 6);
  const auto rows = torch::tensor({4, 0, 5, 5, 2}, torch::kLong);
  const auto a = held.gather(rows), b = streamed.gather(rows);
  ASSERT_EQ(a.sizes(), (std::vector<std::int64_t>{5, 3, 64, 64}));
  EXPECT_TRUE(torch::equal(a, b));
  EXPECT_TRUE(torch::equal(held.range(1, 3), streamed.range(1, 3)));
  // RGB order: photo 0's field is BGR (0, 255, 0) -> green; its centre is in the field.
  EXPECT_EQ(a[1][1][60][60].item<int>(), 255);
  EXPECT_EQ(a[1][0][60][60].item<int>(), 0);
  // Centre crop of the shorter side: the 200 x 120 photo is not squashed, its left edge is cut.
  EXPECT_TRUE(torch::equal(a[1], train::decodeImage(paths[0], 64)));
}

TEST(ImageTable, AnImageBrokenAfterTheSplitWasBuiltIsNamedAndBlack) {
  test_support::ScratchDir dir;
  const auto paths = writePhotos(dir);
  const auto streamed = tableOf(paths, 0);
  std::filesystem::resize_file(paths[2], 40);  // the header survives, the pixels do not
  std::vector<std::string> problems;
  std::vector<std::int64_t> failed;
  const auto images = streamed.gather(torch::tensor({1, 2, 3}, torch::kLong), &problems, &failed);
  EXPECT_EQ(problems, std::vector<std::string>{paths[2]});
  EXPECT_EQ(failed, std::vector<std::int64_t>{1});
  EXPECT_EQ(images[1].sum().item<std::int64_t>(), 0);
  EXPECT_GT(images[0].sum().item<std::int64_t>(), 0);
  // A file that is not an image at all is refused while the split is built.
  std::ofstream(dir.path("notes.jpg")) << "not an image";
  train::ImageTableBuilder builder(1, 64, 0);
  EXPECT_FALSE(builder.add(dir.path("notes.jpg")));
  EXPECT_FALSE(builder.add(dir.path("missing.png")));
}
