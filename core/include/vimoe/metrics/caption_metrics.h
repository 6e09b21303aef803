// Corpus-level captioning metrics as the coco-caption toolkit (pycocoevalcap) computes them, the
// numbers every captioning paper reports: BLEU-1..4, ROUGE-L and CIDEr-D (REFERENCES.md section 5).
// The whole split is scored at once: BLEU sums n-gram counts over the corpus and CIDEr-D takes its
// IDF from the split's references, so a mean of per-batch scores is a different (wrong) number.
// METEOR is left out on purpose: its public wrapper only has an English mode.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "vimoe/metrics/metric_tokens.h"
#include "vimoe/util/expected.h"

namespace vimoe::metrics {

struct CaptionPrediction {
  std::string id;
  std::string text;  // may be empty: it then scores 0
};

struct CaptionReferences {
  std::string id;
  std::vector<std::string> texts;  // at least one
};

struct CaptionSampleScore {
  std::string id;
  // Sentence BLEU-4 with add-one smoothing of the 2- to 4-gram precisions (Lin and Och 2004), for
  // ranking examples only: unsmoothed sentence BLEU-4 is 0 for most single captions, and no mean
  // of these is the corpus BLEU-4.
  double bleu4 = 0;
  double rougeL = 0;
  double ciderD = 0;
};

struct CaptionScores {
  // BLEU-1..4 in [0, 1]. coco adds tiny epsilons to each precision, so where it prints a small
  // positive number for a corpus without a single matching 4-gram (such as 8.7e-5, or 0.0316 when
  // there are no 4-grams at all), our value is exactly 0.
  double bleu[4] = {0, 0, 0, 0};
  double rougeL = 0;  // mean over samples of the LCS F-measure, beta 1.2, in [0, 1]
  // Mean over samples, x10 as in coco (10 for captions of 4+ tokens equal to their references).
  // IDF needs several images: a one-image split scores 0 (ln 1 = 0), as in coco.
  double ciderD = 0;
  std::string tokenization;  // tokenizationName(): always shown next to the scores
  std::size_t samples = 0;
  std::vector<CaptionSampleScore> perSample;  // in the order of the references
};

// Scores every prediction against the references with the same id. Every prediction id must have
// references and every reference id a prediction; duplicate ids, unmatched ids and empty reference
// lists are errors that name the id.
Expected<CaptionScores> scoreCaptions(const std::vector<CaptionPrediction>& predictions,
                                      const std::vector<CaptionReferences>& references,
                                      MetricTokenization tokenization);

}  // namespace vimoe::metrics
