#include "vimoe/metrics/metric_tokens.h"

#include <utility>

#include "vimoe/text/vietnamese.h"

namespace vimoe::metrics {

const char* tokenizationName(MetricTokenization tokenization) {
  return tokenization == MetricTokenization::Syllables ? "syllables" : "segmented_words";
}

bool parseTokenization(const std::string& name, MetricTokenization& tokenization) {
  if (name == "syllables")
    tokenization = MetricTokenization::Syllables;
  else if (name == "segmented_words")
    tokenization = MetricTokenization::SegmentedWords;
  else
    return false;
  return true;
}

std::vector<std::string> metricTokens(const std::string& text, MetricTokenization tokenization) {
  text::NormalizeOptions options;
  options.tone = text::ToneStyle::Traditional;
  options.lowercase = true;
  options.stripPunctuation = true;  // keeps '_', which is Unicode punctuation (Pc) but joins words
  options.joinSegmentedWords = tokenization == MetricTokenization::Syllables;
  const std::string normalized = text::normalizeVietnamese(text, options);

  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start < normalized.size()) {
    std::size_t end = normalized.find(' ', start);
    if (end == std::string::npos) end = normalized.size();
    // A stray '_' joins nothing: drop it at a word's edges ("_phụ_nữ_", "a _ b") and collapse runs
    // ("phụ__nữ"), so that it can neither make an empty token nor a second spelling of a word.
    std::string token;
    for (std::size_t i = start; i < end; ++i) {
      if (normalized[i] == '_' && (token.empty() || token.back() == '_')) continue;
      token.push_back(normalized[i]);
    }
    while (!token.empty() && token.back() == '_') token.pop_back();
    if (!token.empty()) tokens.push_back(std::move(token));
    start = end + 1;
  }
  return tokens;
}

}  // namespace vimoe::metrics
