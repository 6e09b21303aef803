#include <algorithm>
#include <vector>

#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

std::size_t editDistance(const std::string& a, const std::string& b) {
  // Two rows of the Levenshtein table are enough; keys are short.
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::string didYouMean(const std::string& key, const std::vector<std::string>& candidates) {
  // Typos grow with the length of the word, but a two-letter slip is always worth a hint.
  const std::size_t allowed = std::max<std::size_t>(2, key.size() / 3);
  std::string best;
  std::size_t bestDistance = allowed + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

}  // namespace vimoe::config
