// The tokens every caption and VQA metric counts. Vietnamese writes one syllable per space-separated
// unit; word segmenters (VnCoreNLP, RDRSegmenter, pyvi) join the syllables of a word with '_'
// ("phụ_nữ"). Scores at the two levels are not comparable, so every score carries the name of the
// tokenisation it used (REFERENCES.md sections 4 and 5).
#pragma once

#include <string>
#include <vector>

namespace vimoe::metrics {

enum class MetricTokenization {
  // Syllables: '_' is a space, so "phụ_nữ" counts as "phụ" "nữ". Comparable across any input.
  Syllables,
  // SegmentedWords: a '_'-joined word is one token. There is no Vietnamese word segmenter in
  // Debian, so nothing is segmented here: text that arrives unsegmented is scored as syllables,
  // and references segmented elsewhere (VnCoreNLP etc.) are scored exactly as given. Use it only
  // when predictions and references went through the same segmenter.
  SegmentedWords,
};

// "syllables" | "segmented_words": the label printed next to every score.
const char* tokenizationName(MetricTokenization tokenization);

// Parses a label written by tokenizationName; false for anything else.
bool parseTokenization(const std::string& name, MetricTokenization& tokenization);

// NFC, one tone-mark placement (traditional: "hoà" and "hòa" are the same token), lower case,
// punctuation removed, then split at spaces. The same call on candidates and references is what
// makes NFD input and mixed tone styles score like their NFC forms.
std::vector<std::string> metricTokens(const std::string& text, MetricTokenization tokenization);

}  // namespace vimoe::metrics
