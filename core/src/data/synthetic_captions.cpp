// One synthetic sample: scene sampling, drawing and captioning, each from its own
// (seed, index) stream.
#include "vimoe/data/synthetic_captions.h"

#include <algorithm>
#include <stdexcept>

#include "data/synthetic_domains.h"
#include "data/synthetic_drawing.h"
#include "data/synthetic_scene.h"
#include "data/synthetic_templates.h"

namespace vimoe::data {

SyntheticSample generateSyntheticCaption(std::uint64_t seed, std::int64_t index, int imageSize, int captionCount) {
  // Below 8 pixels the shapes vanish; that is a caller's bug, not a data problem.
  if (imageSize < 8)
    throw std::invalid_argument("synthetic image size must be at least 8, got " + std::to_string(imageSize));
  const detail::SceneLayout layout = detail::sampleScene(seed, index);
  SyntheticSample sample;
  sample.image = detail::drawScene(layout, imageSize);
  sample.scene = layout.scene;
  sample.captions = detail::captionScene(layout, seed, index, captionCount);
  return sample;
}

namespace {

struct Domain {
  const char* name;
  detail::DomainGenerator generate;
};
const Domain kDomains[] = {{"shapes", detail::makeShapesSample},
                           {"digits_clocks", detail::makeDigitsClocksSample},
                           {"text_signs", detail::makeTextSignsSample},
                           {"textures", detail::makeTexturesSample}};

}  // namespace

const std::vector<std::string>& syntheticDomains() {
  static const std::vector<std::string> kNames = {"shapes", "digits_clocks", "text_signs", "textures"};
  return kNames;
}

int syntheticTemplateTotal() {
  return detail::syntheticTemplateCount() + detail::digitsClocksTemplateCount() + detail::textSignsTemplateCount() +
         detail::texturesTemplateCount();
}

Expected<std::vector<std::string>> parseSyntheticDomains(const std::string& list) {
  if (list == "all") return syntheticDomains();
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string name = list.substr(start, end - start);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    const auto& known = syntheticDomains();
    if (std::find(known.begin(), known.end(), name) == known.end())
      return Error{"unknown synthetic domain '" + name +
                   "' (known: shapes, digits_clocks, text_signs, textures, or all)"};
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    start = end + 1;
  }
  return out;
}

SyntheticSample generateSyntheticSample(std::uint64_t seed, std::int64_t index, int imageSize, int captionCount,
                                        int questionCount, const std::vector<std::string>& domains) {
  if (imageSize < 8)
    throw std::invalid_argument("synthetic image size must be at least 8, got " + std::to_string(imageSize));
  if (domains.empty()) throw std::invalid_argument("no synthetic domain chosen");
  const std::string& name = domains[static_cast<std::size_t>(index % std::int64_t(domains.size()))];
  for (const Domain& d : kDomains) {
    if (name == d.name) return d.generate(seed, index, imageSize, captionCount, questionCount);
  }
  throw std::invalid_argument("unknown synthetic domain '" + name + "'");
}

}  // namespace vimoe::data
