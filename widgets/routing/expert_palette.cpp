#include "routing/expert_palette.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace vimoe::widgets {

QColor expertColor(int expert) {
  static const std::array<QColor, kExpertPaletteSize> colors = {
      QColor(78, 121, 167),  QColor(242, 142, 43),  QColor(89, 161, 79),  QColor(225, 87, 89),
      QColor(176, 122, 161), QColor(118, 183, 178), QColor(237, 201, 72), QColor(255, 157, 167),
      QColor(156, 117, 95),  QColor(186, 176, 172), QColor(0, 83, 138),   QColor(147, 170, 0),
      QColor(128, 62, 117),  QColor(127, 24, 13),   QColor(23, 190, 207), QColor(89, 51, 21)};
  if (expert < 0) return QColor(128, 128, 128);
  return colors[static_cast<std::size_t>(expert) % colors.size()];
}

QColor blendOver(const QColor& under, const QColor& over, double alpha) {
  const double a = std::clamp(alpha, 0.0, 1.0);
  auto mix = [a](int u, int o) { return static_cast<int>(std::lround(o * a + u * (1.0 - a))); };
  return QColor(mix(under.red(), over.red()), mix(under.green(), over.green()), mix(under.blue(), over.blue()));
}

double gateOpacity(double gate, int experts) {
  if (experts <= 0) return std::clamp(gate, 0.0, 1.0);
  if (experts == 1) return 1.0;
  const double floor = 1.0 / experts;
  const double certainty = std::clamp((gate - floor) / (1.0 - floor), 0.0, 1.0);
  return kMinGateOpacity + (1.0 - kMinGateOpacity) * certainty;
}

QColor readableTextOn(const QColor& background) {
  // Relative luminance with the sRGB weights; the threshold favours black on mid tones.
  const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
  return luminance > 0.45 ? QColor(20, 20, 20) : QColor(250, 250, 250);
}

}  // namespace vimoe::widgets
