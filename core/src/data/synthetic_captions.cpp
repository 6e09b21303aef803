// One synthetic sample: scene sampling, drawing and captioning, each from its own
// (seed, index) stream.
#include "vimoe/data/synthetic_captions.h"

#include <stdexcept>

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

}  // namespace vimoe::data
