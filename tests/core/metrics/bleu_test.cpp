// BLEU-1..4 worked out by hand. Notation: p_n = clipped n-gram matches / candidate n-grams, summed
// over the corpus; c, r = total candidate length and total closest-reference length;
// BP = 1 if c > r else exp(1 - r/c); BLEU-N = BP * (p_1 ... p_N)^(1/N).
#include <gtest/gtest.h>

#include <cmath>

#include "core/metrics/caption_corpus.h"

namespace vimoe::metrics {
namespace {

using test::scoreCorpus;

// Sample A: "một con mèo trên bàn" (5) vs "một con mèo nằm trên bàn" (6)
//   1-grams 5/5; 2-grams {một con, con mèo, mèo trên, trên bàn}: 3/4 (not "mèo trên");
//   3-grams {một con mèo, con mèo trên, mèo trên bàn}: 1/3; 4-grams: 0/2.
// Sample B: "hai con chó chạy trên cỏ" (6) vs "hai con chó chạy trên bãi cỏ" (7)
//   1-grams 6/6; 2-grams 4/5 (not "trên cỏ"); 3-grams 3/4; 4-grams 2/3.
const std::vector<test::CaptionCase> kTwoSamples = {
    {"một con mèo trên bàn", {"một con mèo nằm trên bàn"}},
    {"hai con chó chạy trên cỏ", {"hai con chó chạy trên bãi cỏ"}},
};

TEST(Bleu, CorpusCountsAreSummedBeforeThePrecisions) {
  // Corpus: p = 11/11, 7/9, 4/7, 2/5; c = 11, r = 13, BP = exp(1 - 13/11) = exp(-2/11) = 0.833752918
  //   BLEU-1 = BP                              = 0.833752918
  //   BLEU-2 = BP * sqrt(7/9)                  = 0.735300959
  //   BLEU-3 = BP * (7/9 * 4/7)^(1/3)          = BP * (4/9)^(1/3) = 0.636272560
  //   BLEU-4 = BP * (7/9 * 4/7 * 2/5)^(1/4)    = BP * 0.649335831 = 0.541385644
  const CaptionScores s = scoreCorpus(kTwoSamples);
  const double bp = std::exp(-2.0 / 11.0);
  EXPECT_NEAR(s.bleu[0], bp, 1e-9);
  EXPECT_NEAR(s.bleu[0], 0.833752918, 1e-6);
  EXPECT_NEAR(s.bleu[1], 0.735300959, 1e-6);
  EXPECT_NEAR(s.bleu[2], 0.636272560, 1e-6);
  EXPECT_NEAR(s.bleu[3], 0.541385644, 1e-6);
  EXPECT_EQ(s.samples, 2u);
}

TEST(Bleu, CorpusBleuIsNotTheMeanOfPerSampleBleu) {
  // A alone: no 4-gram matches, so its BLEU-4 is 0 (coco prints 8.7e-5 from its epsilons).
  // B alone: BP = exp(1 - 7/6) = 0.846481725; (4/5 * 3/4 * 2/3)^(1/4) = 0.4^(1/4) = 0.795270729
  //   BLEU-4 = 0.673182138.
  // Mean of the two = 0.336591069, while the corpus value above is 0.541385644: a split must be
  // scored at once, never averaged per sample or per batch.
  const CaptionScores a = scoreCorpus({kTwoSamples[0]});
  const CaptionScores b = scoreCorpus({kTwoSamples[1]});
  EXPECT_EQ(a.bleu[3], 0.0);
  EXPECT_NEAR(b.bleu[3], 0.673182138, 1e-6);
  const double meanOfParts = (a.bleu[3] + b.bleu[3]) / 2;
  EXPECT_NEAR(meanOfParts, 0.336591069, 1e-6);
  EXPECT_GT(scoreCorpus(kTwoSamples).bleu[3] - meanOfParts, 0.2);
}

TEST(Bleu, PerSampleBleu4IsAddOneSmoothedAboveUnigrams) {
  // A: p1 = 5/5, p2 = (3+1)/(4+1) = 0.8, p3 = (1+1)/(3+1) = 0.5, p4 = (0+1)/(2+1) = 1/3;
  //    BP = exp(1 - 6/5) = 0.818730753; (1 * 0.8 * 0.5 / 3)^(1/4) = 0.604275441 -> 0.494738591
  // B: p = 1, 5/6, 4/5, 3/4; BP = exp(-1/6) = 0.846481725; (0.5)^(1/4) = 0.840896415 -> 0.711803448
  const CaptionScores s = scoreCorpus(kTwoSamples);
  ASSERT_EQ(s.perSample.size(), 2u);
  EXPECT_EQ(s.perSample[0].id, "0");
  EXPECT_NEAR(s.perSample[0].bleu4, 0.494738591, 1e-6);
  EXPECT_NEAR(s.perSample[1].bleu4, 0.711803448, 1e-6);
}

TEST(Bleu, RepeatedWordsAreClippedAndShortCandidatesPenalised) {
  // "mèo mèo mèo mèo" vs "một con mèo trên bàn": "mèo" occurs once in the reference, so only one
  // of the four counts: p1 = 1/4. No bigram matches ("mèo mèo" x3): BLEU-2..4 = 0.
  // c = 4 < r = 5: BP = exp(1 - 5/4) = exp(-0.25) = 0.778800783; BLEU-1 = 0.25 * BP = 0.194700196.
  const CaptionScores s = scoreCorpus({{"mèo mèo mèo mèo", {"một con mèo trên bàn"}}});
  EXPECT_NEAR(s.bleu[0], 0.194700196, 1e-6);
  EXPECT_EQ(s.bleu[1], 0.0);
  EXPECT_EQ(s.bleu[3], 0.0);
}

TEST(Bleu, ClosestReferenceLengthTiesGoToTheShorterOne) {
  // "con mèo đen" (3) vs "con mèo" (2) and "một con mèo đen" (4): both are 1 away; coco takes the
  // shorter, r = 2 < c = 3, so BP = 1 (the longer would give exp(1 - 4/3) = 0.716531311).
  // p1 = 3/3, p2 = 2/2, p3 = 1/1 (all from the second reference) -> BLEU-1..3 = 1.
  // A 3-word candidate has no 4-grams: p4 = 0/0, BLEU-4 = 0 (coco: (1e-6)^(1/4) = 0.0316).
  const CaptionScores s = scoreCorpus({{"con mèo đen", {"con mèo", "một con mèo đen"}}});
  EXPECT_NEAR(s.bleu[0], 1.0, 1e-12);
  EXPECT_NEAR(s.bleu[1], 1.0, 1e-12);
  EXPECT_NEAR(s.bleu[2], 1.0, 1e-12);
  EXPECT_EQ(s.bleu[3], 0.0);
}

}  // namespace
}  // namespace vimoe::metrics
