// VQA exact match and token F1 worked out by hand; F1 = 2PR / (P + R) with P = common / |prediction|,
// R = common / |reference| over bags of tokens, best over the references.
#include "vimoe/metrics/vqa_metrics.h"

#include <gtest/gtest.h>

#include "vimoe/text/unicode.h"

namespace vimoe::metrics {
namespace {

// q1 color   "Màu đỏ."       vs ["màu đỏ"]            EM 1, F1 1
// q2 color   "đỏ"            vs ["màu đỏ", "đỏ tươi"]  EM 0; each ref: common 1, P 1, R 1/2: F1 2/3
// q3 count   "hai con mèo"   vs ["2", "hai"]           EM 0; "hai": common 1, P 1/3, R 1: F1 0.5
// q4 (none)  "phụ nữ"        vs ["phụ_nữ"]             syllables: EM 1, F1 1; segmented: EM 0, F1 0
// q5 count   ""              vs ["ba"]                 EM 0, F1 0
const std::vector<VqaPrediction> kPredictions = {
    {"q1", "Màu đỏ."}, {"q2", "đỏ"}, {"q3", "hai con mèo"}, {"q4", "phụ nữ"}, {"q5", ""}};
const std::vector<VqaReference> kReferences = {{"q1", {"màu đỏ"}, "color"},
                                               {"q2", {"màu đỏ", "đỏ tươi"}, "color"},
                                               {"q3", {"2", "hai"}, "count"},
                                               {"q4", {"phụ_nữ"}, ""},
                                               {"q5", {"ba"}, "count"}};

TEST(VqaMetrics, ExactMatchF1AndPerTypeBreakdown) {
  // EM = (1 + 0 + 0 + 1 + 0) / 5 = 0.4; F1 = (1 + 2/3 + 0.5 + 1 + 0) / 5 = 0.633333333
  // color (2): EM 0.5, F1 (1 + 2/3) / 2 = 0.833333333; count (2): EM 0, F1 0.25; unknown (1): 1, 1
  const auto s = scoreVqa(kPredictions, kReferences, MetricTokenization::Syllables);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->samples, 5u);
  EXPECT_EQ(s->tokenization, "syllables");
  EXPECT_NEAR(s->exactMatch, 0.4, 1e-12);
  EXPECT_NEAR(s->f1, 0.633333333, 1e-6);
  ASSERT_EQ(s->byType.size(), 3u);
  EXPECT_EQ(s->byType[0].type, "color");
  EXPECT_EQ(s->byType[0].count, 2u);
  EXPECT_NEAR(s->byType[0].exactMatch, 0.5, 1e-12);
  EXPECT_NEAR(s->byType[0].f1, 0.833333333, 1e-6);
  EXPECT_EQ(s->byType[1].type, "count");
  EXPECT_NEAR(s->byType[1].exactMatch, 0.0, 1e-12);
  EXPECT_NEAR(s->byType[1].f1, 0.25, 1e-12);
  EXPECT_EQ(s->byType[2].type, "unknown");
  EXPECT_NEAR(s->byType[2].f1, 1.0, 1e-12);
  ASSERT_EQ(s->perSample.size(), 5u);
  EXPECT_EQ(s->perSample[1].id, "q2");
  EXPECT_NEAR(s->perSample[1].f1, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(s->perSample[3].type, "unknown");
}

TEST(VqaMetrics, SegmentedWordsKeepPhuNuApartFromPhuNu) {
  // Only q4 changes: "phụ" "nữ" vs "phụ_nữ" share no token. EM 1/5 = 0.2, F1 (1 + 2/3 + 0.5) / 5.
  const auto s = scoreVqa(kPredictions, kReferences, MetricTokenization::SegmentedWords);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->tokenization, "segmented_words");
  EXPECT_NEAR(s->exactMatch, 0.2, 1e-12);
  EXPECT_NEAR(s->f1, 0.433333333, 1e-6);
}

TEST(VqaMetrics, F1CountsRepeatedTokensOnce) {
  // "đỏ đỏ" vs "đỏ": the multiset intersection is one "đỏ": P 1/2, R 1, F1 = 2 * 0.5 / 1.5 = 2/3.
  // An answer that normalises to nothing against one that does too: EM 1, F1 1.
  const auto s = scoreVqa({{"a", "đỏ đỏ"}, {"b", "..."}}, {{"a", {"đỏ"}, "color"}, {"b", {"!"}, "other"}},
                          MetricTokenization::Syllables);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_NEAR(s->perSample[0].f1, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(s->perSample[0].exactMatch, 0.0);
  EXPECT_EQ(s->perSample[1].exactMatch, 1.0);
  EXPECT_EQ(s->perSample[1].f1, 1.0);
}

TEST(VqaMetrics, NormalizeAnswerFoldsFormsCaseAndPunctuation) {
  EXPECT_EQ(normalizeAnswer("  Màu   Đỏ. "), "màu đỏ");
  EXPECT_EQ(normalizeAnswer(text::toNfd("Hoà bình")), "hòa bình");
  EXPECT_EQ(normalizeAnswer("phụ_nữ"), "phụ nữ");
  EXPECT_EQ(normalizeAnswer("phụ_nữ", MetricTokenization::SegmentedWords), "phụ_nữ");
  const auto s = scoreVqa({{"a", text::toNfd("Hoà Bình")}}, {{"a", {"hòa bình"}, ""}}, MetricTokenization::Syllables);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->exactMatch, 1.0);
}

TEST(VqaMetrics, MissingAndDuplicateIdsAreErrorsNamingTheId) {
  const auto syl = MetricTokenization::Syllables;
  auto missing = scoreVqa({{"q1", "đỏ"}}, {{"q1", {"đỏ"}, ""}, {"q2", {"xanh"}, ""}}, syl);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message,
            "reference id 'q2' has no prediction: every reference needs one (score the whole split)");
  auto extra = scoreVqa({{"q1", "đỏ"}, {"q9", "xanh"}}, {{"q1", {"đỏ"}, ""}}, syl);
  ASSERT_FALSE(extra.ok());
  EXPECT_NE(extra.error().message.find("prediction id 'q9' has no references"), std::string::npos);
  auto duplicate = scoreVqa({{"q1", "đỏ"}}, {{"q1", {"đỏ"}, ""}, {"q1", {"xanh"}, ""}}, syl);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().message, "reference id 'q1' appears more than once (entries 0 and 1)");
  auto noAnswers = scoreVqa({{"q1", "đỏ"}}, {{"q1", {}, ""}}, syl);
  ASSERT_FALSE(noAnswers.ok());
  EXPECT_EQ(noAnswers.error().message, "reference id 'q1' has no reference answers");
}

}  // namespace
}  // namespace vimoe::metrics
