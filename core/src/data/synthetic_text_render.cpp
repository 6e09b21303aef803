#include "data/synthetic_text_render.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

namespace vimoe::data::detail {
namespace {

constexpr const char* kDejaVuBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

cv::freetype::FreeType2* threadFont() {
  thread_local cv::Ptr<cv::freetype::FreeType2> font;
  thread_local bool tried = false;
  if (!tried) {
    tried = true;
    auto path = sceneTextFontPath();
    if (path.ok()) {
      try {
        font = cv::freetype::createFreeType2();
        font->loadFontData(*path, 0);
      } catch (const cv::Exception&) {
        font.release();
      }
    }
  }
  return font.get();
}

}  // namespace

Expected<std::string> sceneTextFontPath() {
  if (const char* env = std::getenv("VIMOE_FONT"); env != nullptr && *env != '\0') {
    if (std::filesystem::is_regular_file(env)) return std::string(env);
    return Error{std::string("VIMOE_FONT=") + env + " is not a font file"};
  }
  if (std::filesystem::is_regular_file(kDejaVuBold)) return std::string(kDejaVuBold);
  return Error{std::string("scene text needs the DejaVu font (") + kDejaVuBold +
               "): install the Debian package fonts-dejavu-core, or set VIMOE_FONT to a TrueType font"};
}

bool drawCentredText(cv::Mat& image, const std::string& text, cv::Point centre, int height, int maxWidth,
                     const cv::Scalar& colour) {
  cv::freetype::FreeType2* font = threadFont();
  if (font == nullptr) return false;
  int baseline = 0;
  cv::Size size = font->getTextSize(text, height, -1, &baseline);
  while (size.width > maxWidth && height > 6) {
    --height;
    size = font->getTextSize(text, height, -1, &baseline);
  }
  // putText's origin is the baseline start; centre the box that getTextSize measured.
  const cv::Point origin(centre.x - size.width / 2, centre.y + size.height / 2);
  font->putText(image, text, origin, height, colour, -1, cv::LINE_AA, true);
  return true;
}

}  // namespace vimoe::data::detail
