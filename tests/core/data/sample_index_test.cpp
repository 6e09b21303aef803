// The FTS5 sample index in a real SQLite file: diacritic-insensitive search including đ.
#include "vimoe/data/sample_index.h"

#include <gtest/gtest.h>

#include "support/scratch_dir.h"
#include "vimoe/text/unicode.h"

namespace vimoe::data {
namespace {

Dataset smallDataset() {
  Dataset d;
  Sample a;
  a.imageId = "1";
  a.imagePath = "/x/1.jpg";
  a.captions = {"Một người đàn ông đang đi trên đường phố."};
  Sample b;
  b.imageId = "2";
  b.imagePath = "/x/2.jpg";
  b.domain = "text_signs";
  b.captions = {"Biển hiệu màu đỏ ghi chữ \"Phở Bò\"."};
  b.qa = {QaPair{"7", "Biển hiệu ghi chữ gì?", {"phở bò"}, "ocr", "vi", false}};
  d.samples = {a, b};
  return d;
}

std::vector<std::string> imageIds(const std::vector<SampleHit>& hits) {
  std::vector<std::string> ids;
  for (const auto& h : hits) ids.push_back(h.imageId + ":" + h.kind);
  return ids;
}

TEST(SampleIndex, FoldedSearchFindsWithAndWithoutDiacriticsAndD) {
  test_support::ScratchDir dir;
  auto index = SampleIndex::open(dir.path("vimoe.db"));
  ASSERT_TRUE(index.ok()) << index.error().message;
  ASSERT_TRUE(index->replace("demo", smallDataset()).ok());
  EXPECT_EQ(*index->rowCount(), 4);
  for (const std::string q : {"nguoi", "người", "NGƯỜI", "duong", "đường", "Đường"}) {
    auto hits = index->search(q);
    ASSERT_TRUE(hits.ok()) << hits.error().message;
    EXPECT_EQ(imageIds(*hits), std::vector<std::string>{"1:caption"}) << q;
  }
  // NFD query, two words, prefix on the last.
  auto pho = index->search(text::toNfd("phở b"));
  ASSERT_TRUE(pho.ok());
  EXPECT_EQ(pho->size(), 2u);  // the caption and the answer, not the question
  EXPECT_TRUE(index->search("khong co gi")->empty());
}

TEST(SampleIndex, ReplaceSwapsOneDatasetAndSurvivesReopening) {
  test_support::ScratchDir dir;
  {
    auto index = SampleIndex::open(dir.path("vimoe.db"));
    ASSERT_TRUE(index.ok());
    ASSERT_TRUE(index->replace("a", smallDataset()).ok());
    ASSERT_TRUE(index->replace("b", smallDataset()).ok());
    ASSERT_TRUE(index->replace("a", smallDataset()).ok());
    EXPECT_EQ(*index->rowCount(), 8);
  }
  auto reopened = SampleIndex::open(dir.path("vimoe.db"));
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->search("duong")->size(), 2u);
  ASSERT_TRUE(reopened->replace("b", Dataset{}).ok());
  EXPECT_EQ(reopened->search("duong")->size(), 1u);
}

TEST(SampleIndex, QuerySyntaxIsLiteral) {
  EXPECT_EQ(ftsQueryFor("Đường \"phố\" OR"), "folded : \"duong\" AND folded : \"pho\" AND folded : \"or\"*");
  EXPECT_EQ(ftsQueryFor("  ...  "), "");
  test_support::ScratchDir dir;
  auto index = SampleIndex::open(dir.path("x.db"));
  ASSERT_TRUE(index.ok());
  EXPECT_TRUE(index->search("\"*)(NEAR").ok());
}

TEST(SampleIndex, UnopenableFileIsAnError) {
  EXPECT_FALSE(SampleIndex::open("/nonexistent-dir/x.db").ok());
}

}  // namespace
}  // namespace vimoe::data
