// Scene text for the synthetic set: Vietnamese with diacritics drawn through OpenCV's freetype
// module and a DejaVu font (Debian fonts-dejavu-core). cv::freetype::FreeType2 is not thread
// safe, so every thread loads its own copy of the font on first use.
#pragma once

#include <opencv2/core.hpp>
#include <string>

#include "vimoe/util/expected.h"

namespace vimoe::data::detail {

// $VIMOE_FONT, else DejaVu Sans Bold from fonts-dejavu-core. Error names the package.
Expected<std::string> sceneTextFontPath();

// Draws `text` centred at `centre`, scaled down from `height` pixels until it fits `maxWidth`.
// Returns false when the font cannot be loaded (nothing drawn).
bool drawCentredText(cv::Mat& image, const std::string& text, cv::Point centre, int height, int maxWidth,
                     const cv::Scalar& colour);

}  // namespace vimoe::data::detail
