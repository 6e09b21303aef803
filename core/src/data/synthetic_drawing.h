// Renders a SceneLayout with OpenCV: antialiased filled shapes on a plain background.
#pragma once

#include <opencv2/core.hpp>

#include "data/synthetic_scene.h"

namespace vimoe::data::detail {

// BGR, 8-bit, imageSize x imageSize.
cv::Mat drawScene(const SceneLayout& layout, int imageSize);

}  // namespace vimoe::data::detail
