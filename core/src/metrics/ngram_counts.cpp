#include "metrics/caption_scorers.h"

namespace vimoe::metrics::detail {

NgramCounts countNgrams(const Tokens& tokens) {
  NgramCounts counts;
  for (std::size_t start = 0; start < tokens.size(); ++start) {
    std::string key;
    for (int n = 1; n <= kMaxOrder && start + n <= tokens.size(); ++n) {
      if (n > 1) key += ' ';
      key += tokens[start + n - 1];
      ++counts[n - 1][key];
    }
  }
  return counts;
}

}  // namespace vimoe::metrics::detail
