// ROUGE-L worked out by hand: P = max over references of LCS / |candidate|, R = max over references
// of LCS / |reference| (maxima taken separately, as coco's rouge.py does),
// F = (1 + 1.2^2) P R / (R + 1.2^2 P) = 2.44 P R / (R + 1.44 P); corpus = mean over samples.
#include <gtest/gtest.h>

#include "core/metrics/caption_corpus.h"

namespace vimoe::metrics {
namespace {

using test::scoreCorpus;

TEST(RougeL, PrecisionAndRecallMaximaMayComeFromDifferentReferences) {
  // Candidate "con mèo nằm trên bàn" (5 tokens).
  //   ref 1 "con chó nằm" (3): LCS "con nằm" = 2 -> P = 2/5, R = 2/3
  //   ref 2 "một con mèo đen nằm ngủ trên chiếc bàn gỗ" (10): LCS "con mèo nằm trên bàn" = 5
  //         -> P = 1, R = 1/2
  //   P = max(0.4, 1) = 1 (ref 2), R = max(2/3, 1/2) = 2/3 (ref 1)
  //   F = 2.44 * 1 * 2/3 / (2/3 + 1.44) = 1.626667 / 2.106667 = 0.772151899
  // (The best single-reference F would be ref 2's 2.44 * 0.5 / 1.94 = 0.628866: not what coco reports.)
  const CaptionScores s =
      scoreCorpus({{"con mèo nằm trên bàn", {"con chó nằm", "một con mèo đen nằm ngủ trên chiếc bàn gỗ"}}});
  EXPECT_NEAR(s.rougeL, 0.772151899, 1e-6);
  EXPECT_NEAR(s.perSample[0].rougeL, 0.772151899, 1e-6);
}

TEST(RougeL, SubsequenceOrderMattersAndTheCorpusIsTheMean) {
  // "trên bàn con mèo" vs "con mèo trên bàn": the LCS is "con mèo" (or "trên bàn") = 2 although all
  // four words match; P = R = 2/4, and with P = R, F = 2.44 P^2 / (2.44 P) = P = 0.5.
  // With the sample above: corpus = (0.772151899 + 0.5) / 2 = 0.636075949.
  const CaptionScores s =
      scoreCorpus({{"con mèo nằm trên bàn", {"con chó nằm", "một con mèo đen nằm ngủ trên chiếc bàn gỗ"}},
                   {"trên bàn con mèo", {"con mèo trên bàn"}}});
  EXPECT_NEAR(s.perSample[1].rougeL, 0.5, 1e-12);
  EXPECT_NEAR(s.rougeL, 0.636075949, 1e-6);
}

TEST(RougeL, EmptyCandidateScoresZero) {
  const CaptionScores s = scoreCorpus({{"", {"con mèo"}}, {"con mèo", {"con mèo"}}});
  EXPECT_EQ(s.perSample[0].rougeL, 0.0);
  EXPECT_NEAR(s.perSample[1].rougeL, 1.0, 1e-12);
  EXPECT_NEAR(s.rougeL, 0.5, 1e-12);
  EXPECT_EQ(s.perSample[0].bleu4, 0.0);
  EXPECT_EQ(s.perSample[0].ciderD, 0.0);
}

}  // namespace
}  // namespace vimoe::metrics
