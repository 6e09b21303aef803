// CIDEr-D worked out by hand. N = number of images; an n-gram's weight in a sentence is
// tf * (ln N - ln max(1, df)), df = images whose references contain it. Per order n:
// sim_n = sum_g min(c_g, r_g) r_g / (|c| |r|) * exp(-delta^2 / 72), delta = difference of the
// "lengths" (coco counts bigrams: tokens - 1). Image score = 10 * mean_n mean_refs sim_n.
#include <gtest/gtest.h>

#include <cmath>

#include "core/metrics/caption_corpus.h"

namespace vimoe::metrics {
namespace {

using test::scoreCorpus;

TEST(CiderD, AWordInEveryImagesReferencesWeighsNothing) {
  // N = 2, ln N = l. "con" is in both images' references: df 2, weight l - ln 2 = 0. Every other
  // n-gram has df 1 (or 0 for "trắng", floored to 1): weight l.
  // Image 1: "con mèo đen" = its reference. n=1 vectors (0, l, l) both: sim 1. n=2 (l, l): 1.
  //   n=3 (l): 1. n=4: no 4-grams, norm 0: 0. Same length: no penalty. 10 * 3/4 = 7.5
  //   (a 3-word caption can never reach 10: the 4-gram term is always 0).
  // Image 2: "con chó trắng" vs "con chó vàng".
  //   n=1: c = {con 0, chó l, trắng l}, r = {con 0, chó l, vàng l}: dot = l^2, |c||r| = 2 l^2: 0.5
  //        (were "con" weighted w > 0, this would be (w^2 + l^2) / (w^2 + 2 l^2) > 0.5)
  //   n=2: {con chó, chó trắng} vs {con chó, chó vàng}: 0.5. n=3: 0. n=4: 0.
  //   10 * (0.5 + 0.5) / 4 = 2.5
  // Corpus: (7.5 + 2.5) / 2 = 5.
  const CaptionScores s = scoreCorpus({{"con mèo đen", {"con mèo đen"}}, {"con chó trắng", {"con chó vàng"}}});
  EXPECT_NEAR(s.perSample[0].ciderD, 7.5, 1e-9);
  EXPECT_NEAR(s.perSample[1].ciderD, 2.5, 1e-9);
  EXPECT_NEAR(s.ciderD, 5.0, 1e-9);
}

TEST(CiderD, RepeatsAreClippedAndLengthIsPenalised) {
  // N = 2, every n-gram has df 1 or 0: weight l = ln 2 per occurrence.
  // Image 1: "mèo đen mèo đen" vs "mèo đen".
  //   n=1: c = {mèo 2l, đen 2l}, r = {mèo l, đen l}: dot = min(2l, l) l * 2 = 2 l^2;
  //        |c| |r| = 2 sqrt(2) l * sqrt(2) l = 4 l^2: sim 0.5 (1 without the clipping)
  //   n=2: c = {mèo đen 2l, đen mèo l}, r = {mèo đen l}: dot = l^2, |c||r| = sqrt(5) l * l: 1/sqrt(5)
  //   n=3, n=4: the reference has none: 0.
  //   lengths (bigram counts) 3 and 1: delta 2, penalty exp(-4/72) = 0.945959469
  //   10 * (0.5 + 0.447213595) * 0.945959469 / 4 = 2.240064174
  // Image 2: "con chó" = reference: n=1, n=2 sim 1; n=3, n=4 0 -> 10 * 2/4 = 5.
  const CaptionScores s = scoreCorpus({{"mèo đen mèo đen", {"mèo đen"}}, {"con chó", {"con chó"}}});
  EXPECT_NEAR(s.perSample[0].ciderD, 10 * (0.5 + 1 / std::sqrt(5.0)) * std::exp(-4.0 / 72) / 4, 1e-9);
  EXPECT_NEAR(s.perSample[0].ciderD, 2.240064174, 1e-6);
  EXPECT_NEAR(s.perSample[1].ciderD, 5.0, 1e-9);
}

TEST(CiderD, ScoresAveragePerReference) {
  // N = 2: image 1 has references "con mèo đen" and "con mèo trắng", image 2 "hai con chó".
  // df: con 2 (weight 0), mèo 1, đen 1, trắng 1, hai 1, chó 1; every bigram and trigram df 1.
  // Candidate 1 "con mèo đen":
  //   vs "con mèo đen": sim 1, 1, 1, 0 (identical)                      -> sum 3
  //   vs "con mèo trắng": n=1 (0, l, l) vs (0, l, l) with only mèo shared: l^2 / 2l^2 = 0.5;
  //                       n=2 {con mèo, mèo đen} vs {con mèo, mèo trắng}: 0.5; n=3: 0 -> sum 1
  //   10 * (3 + 1) / 4 / 2 refs = 5
  // Candidate 2 "hai con chó" = its reference: 10 * 3/4 = 7.5. Corpus (5 + 7.5) / 2 = 6.25.
  const CaptionScores s =
      scoreCorpus({{"con mèo đen", {"con mèo đen", "con mèo trắng"}}, {"hai con chó", {"hai con chó"}}});
  EXPECT_NEAR(s.perSample[0].ciderD, 5.0, 1e-9);
  EXPECT_NEAR(s.perSample[1].ciderD, 7.5, 1e-9);
  EXPECT_NEAR(s.ciderD, 6.25, 1e-9);
}

TEST(CiderD, OneImageSplitScoresZero) {
  // ln N = ln 1 = 0 and df >= 1: every weight is 0, so a one-image "split" has no IDF to speak
  // of. coco does the same; score a real split, not a single example.
  const CaptionScores s = scoreCorpus({{"một con mèo đen", {"một con mèo đen"}}});
  EXPECT_EQ(s.ciderD, 0.0);
}

}  // namespace
}  // namespace vimoe::metrics
