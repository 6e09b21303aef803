#include "vimoe/data/sample.h"

namespace vimoe::data {

std::size_t Dataset::captionCount() const {
  std::size_t n = 0;
  for (const Sample& s : samples) n += s.captions.size();
  return n;
}

std::size_t Dataset::questionCount() const {
  std::size_t n = 0;
  for (const Sample& s : samples) n += s.qa.size();
  return n;
}

}  // namespace vimoe::data
