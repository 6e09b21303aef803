// Scene sampling for the synthetic caption set: which shape, colour, size, count, position
// and background an image shows, and where each shape sits. Private to the data module; the
// drawing and the caption templates both work from a SceneLayout.
#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

#include "vimoe/data/synthetic_captions.h"

namespace vimoe::data::detail {

enum class ShapeKind { Circle, Square, Triangle, Star, Diamond };

// Centre and circumradius in fractions of the image side, so a layout fits any image size.
struct PlacedShape {
  double cx = 0, cy = 0, radius = 0;
};

struct SceneLayout {
  SyntheticScene scene;  // the words
  ShapeKind shape = ShapeKind::Circle;
  int positionIndex = 0;  // index into the position phrases (see synthetic_templates.cpp)
  cv::Scalar colour;      // BGR
  cv::Scalar background;  // BGR
  std::vector<PlacedShape> shapes;
};

SceneLayout sampleScene(std::uint64_t seed, std::int64_t index);

}  // namespace vimoe::data::detail
