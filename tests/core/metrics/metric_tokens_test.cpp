#include "vimoe/metrics/metric_tokens.h"

#include <gtest/gtest.h>

namespace vimoe::metrics {
namespace {

using Tokens = std::vector<std::string>;

TEST(MetricTokens, SyllablesSplitSegmentedWords) {
  EXPECT_EQ(metricTokens("Phụ_nữ đang đi xe_đạp.", MetricTokenization::Syllables),
            (Tokens{"phụ", "nữ", "đang", "đi", "xe", "đạp"}));
}

TEST(MetricTokens, SegmentedWordsKeepUnderscoreJoinedWords) {
  EXPECT_EQ(metricTokens("Phụ_nữ đang đi xe_đạp.", MetricTokenization::SegmentedWords),
            (Tokens{"phụ_nữ", "đang", "đi", "xe_đạp"}));
  // Unsegmented text stays syllables: nothing here segments words.
  EXPECT_EQ(metricTokens("phụ nữ", MetricTokenization::SegmentedWords), (Tokens{"phụ", "nữ"}));
}

TEST(MetricTokens, StrayUnderscoresMakeNoEmptyOrVariantTokens) {
  EXPECT_EQ(metricTokens("_phụ__nữ_ _ đi", MetricTokenization::SegmentedWords), (Tokens{"phụ_nữ", "đi"}));
  EXPECT_EQ(metricTokens("_phụ__nữ_ _ đi", MetricTokenization::Syllables), (Tokens{"phụ", "nữ", "đi"}));
}

TEST(MetricTokens, NfdToneStyleCaseAndPunctuationAreNormalised) {
  // "Hoà" (modern tone placement, NFD: o + a + grave) and "hòa" are one token.
  const std::string nfdModern = "Ho\x61\xcc\x80 b\x69\xcc\x80nh!";  // "Hoà bình!" decomposed
  EXPECT_EQ(metricTokens(nfdModern, MetricTokenization::Syllables), (Tokens{"hòa", "bình"}));
  EXPECT_TRUE(metricTokens(" ,.; ", MetricTokenization::Syllables).empty());
}

TEST(MetricTokens, LabelsRoundTrip) {
  for (auto t : {MetricTokenization::Syllables, MetricTokenization::SegmentedWords}) {
    MetricTokenization parsed{};
    ASSERT_TRUE(parseTokenization(tokenizationName(t), parsed));
    EXPECT_EQ(parsed, t);
  }
  EXPECT_STREQ(tokenizationName(MetricTokenization::Syllables), "syllables");
  EXPECT_STREQ(tokenizationName(MetricTokenization::SegmentedWords), "segmented_words");
  MetricTokenization parsed{};
  EXPECT_FALSE(parseTokenization("words", parsed));
}

}  // namespace
}  // namespace vimoe::metrics
