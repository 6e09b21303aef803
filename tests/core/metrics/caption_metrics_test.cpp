// scoreCaptions as a whole: maxima, tokenisation levels, Unicode forms, and the id checks.
#include "vimoe/metrics/caption_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/metrics/caption_corpus.h"
#include "vimoe/text/unicode.h"

namespace vimoe::metrics {
namespace {

using test::scoreCorpus;

TEST(CaptionMetrics, IdenticalCaptionsScoreTheMaximum) {
  // Two images (so that IDF weights are not all 0), each caption equal to its only reference and
  // at least 4 tokens long: every precision is 1, BP 1, LCS = both lengths, and every n-gram
  // order has a non-zero vector on both sides, so CIDEr-D = 10 * (1 + 1 + 1 + 1) / 4 = 10.
  const CaptionScores s = scoreCorpus(
      {{"một con mèo đen nằm ngủ", {"một con mèo đen nằm ngủ"}}, {"hai con chó vàng", {"hai con chó vàng"}}});
  for (int n = 0; n < 4; ++n) EXPECT_NEAR(s.bleu[n], 1.0, 1e-12) << "BLEU-" << n + 1;
  EXPECT_NEAR(s.rougeL, 1.0, 1e-12);
  EXPECT_NEAR(s.ciderD, 10.0, 1e-9);
  EXPECT_NEAR(s.perSample[0].bleu4, 1.0, 1e-12);
}

TEST(CaptionMetrics, SegmentedWordsCountPhuNuAsOneToken) {
  // Syllables: "phụ nữ đi xe đạp" (5) vs "phụ nữ đang đi xe đạp" (6).
  //   p1 = 5/5, BP = exp(1 - 6/5) = 0.818730753 = BLEU-1.
  //   ROUGE-L: LCS 5, P = 1, R = 5/6: F = 2.44 * 5/6 / (5/6 + 1.44) = 0.894428152.
  // Segmented words: "phụ_nữ đi xe_đạp" (3) vs "phụ_nữ đang đi xe_đạp" (4).
  //   p1 = 3/3, BP = exp(1 - 4/3) = 0.716531310 = BLEU-1.
  //   ROUGE-L: LCS 3, P = 1, R = 3/4: F = 2.44 * 0.75 / (0.75 + 1.44) = 0.835616438.
  const std::vector<test::CaptionCase> corpus = {{"Phụ_nữ đi xe_đạp.", {"phụ_nữ đang đi xe_đạp"}}};
  const CaptionScores syllables = scoreCorpus(corpus, MetricTokenization::Syllables);
  const CaptionScores words = scoreCorpus(corpus, MetricTokenization::SegmentedWords);
  EXPECT_EQ(syllables.tokenization, "syllables");
  EXPECT_EQ(words.tokenization, "segmented_words");
  EXPECT_NEAR(syllables.bleu[0], std::exp(-0.2), 1e-12);
  EXPECT_NEAR(syllables.bleu[0], 0.818730753, 1e-6);
  EXPECT_NEAR(syllables.rougeL, 0.894428152, 1e-6);
  EXPECT_NEAR(words.bleu[0], 0.716531310, 1e-6);
  EXPECT_NEAR(words.rougeL, 0.835616438, 1e-6);
}

TEST(CaptionMetrics, NfdAndOtherToneStylesScoreLikeNfc) {
  // Without normalisation "người" (NFD: u + horn + grave as separate code points) and "hoà"
  // (modern tone placement) would never match their NFC / traditional forms.
  const std::vector<test::CaptionCase> nfc = {
      {"người phụ nữ hòa nhã đi xe đạp", {"một người phụ nữ hòa nhã đi xe đạp"}},
      {"hai con chó", {"hai con chó vàng"}}};
  std::vector<test::CaptionCase> mixed = nfc;
  mixed[0].candidate = text::toNfd("Người phụ nữ hoà nhã đi xe đạp");
  mixed[0].references[0] = text::toNfd(mixed[0].references[0]);
  ASSERT_NE(mixed[0].candidate, nfc[0].candidate);
  const CaptionScores a = scoreCorpus(nfc), b = scoreCorpus(mixed);
  for (int n = 0; n < 4; ++n) EXPECT_DOUBLE_EQ(a.bleu[n], b.bleu[n]);
  EXPECT_DOUBLE_EQ(a.rougeL, b.rougeL);
  EXPECT_DOUBLE_EQ(a.ciderD, b.ciderD);
  // And the value itself: all 8 + 3 candidate unigrams match; c = 8 + 3 = 11, r = 9 + 4 = 13,
  // so BLEU-1 = BP = exp(1 - 13/11) = 0.833752918.
  EXPECT_NEAR(b.bleu[0], 0.833752918, 1e-6);
}

TEST(CaptionMetrics, PerSampleRowsFollowTheReferenceOrder) {
  const std::vector<CaptionPrediction> predictions = {{"b", "con chó"}, {"a", "con mèo"}};
  const std::vector<CaptionReferences> references = {{"a", {"con mèo"}}, {"b", {"con chó"}}};
  const auto s = scoreCaptions(predictions, references, MetricTokenization::Syllables);
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(s->perSample.size(), 2u);
  EXPECT_EQ(s->perSample[0].id, "a");
  EXPECT_EQ(s->perSample[1].id, "b");
  EXPECT_NEAR(s->bleu[0], 1.0, 1e-12);
}

TEST(CaptionMetrics, UnmatchedDuplicateAndEmptyIdsAreErrorsNamingTheId) {
  const auto syl = MetricTokenization::Syllables;
  auto missingPrediction = scoreCaptions({{"a", "con mèo"}}, {{"a", {"con mèo"}}, {"img7", {"con chó"}}}, syl);
  ASSERT_FALSE(missingPrediction.ok());
  EXPECT_EQ(missingPrediction.error().message,
            "reference id 'img7' has no prediction: every reference needs one (score the whole split)");

  auto missingReferences = scoreCaptions({{"a", "x"}, {"b", "y"}, {"c", "z"}}, {{"a", {"x"}}}, syl);
  ASSERT_FALSE(missingReferences.ok());
  EXPECT_EQ(missingReferences.error().message,
            "2 prediction ids (the first: 'b') have no references: check that both files come from the same split");

  auto duplicate = scoreCaptions({{"a", "x"}, {"a", "y"}}, {{"a", {"x"}}}, syl);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().message, "prediction id 'a' appears more than once (entries 0 and 1)");

  auto empty = scoreCaptions({{"a", "x"}}, {{"a", {}}}, syl);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message, "reference id 'a' has no reference captions");

  EXPECT_FALSE(scoreCaptions({}, {}, syl).ok());
}

}  // namespace
}  // namespace vimoe::metrics
