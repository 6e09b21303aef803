#include "data/synthetic_drawing.h"

#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace vimoe::data::detail {
namespace {

// Sub-pixel coordinates: OpenCV takes fixed-point points with this many fractional bits,
// which keeps small shapes on a 64-pixel image symmetric.
constexpr int kShift = 4;
constexpr double kScale = 1 << kShift;
constexpr double kPi = 3.14159265358979323846;

cv::Point fixedPoint(double x, double y) {
  return {static_cast<int>(std::lround(x * kScale)), static_cast<int>(std::lround(y * kScale))};
}

// Vertices on a circle, the first pointing straight up.
std::vector<cv::Point> polygon(double cx, double cy, const std::vector<double>& radii, int vertices) {
  std::vector<cv::Point> points;
  for (int i = 0; i < vertices; ++i) {
    const double angle = -kPi / 2 + 2 * kPi * i / vertices;
    const double r = radii[static_cast<std::size_t>(i) % radii.size()];
    points.push_back(fixedPoint(cx + r * std::cos(angle), cy + r * std::sin(angle)));
  }
  return points;
}

void fill(cv::Mat& image, const std::vector<cv::Point>& points, const cv::Scalar& colour) {
  const cv::Point* data = points.data();
  const int n = static_cast<int>(points.size());
  cv::fillPoly(image, &data, &n, 1, colour, cv::LINE_AA, kShift);
}

void drawShape(cv::Mat& image, ShapeKind kind, double cx, double cy, double r, const cv::Scalar& colour) {
  switch (kind) {
    case ShapeKind::Circle:
      // A circle filling its circumradius would look much bigger than the polygons.
      cv::circle(image, fixedPoint(cx, cy), static_cast<int>(std::lround(0.85 * r * kScale)), colour, cv::FILLED,
                 cv::LINE_AA, kShift);
      break;
    case ShapeKind::Square: {
      const double h = r / std::sqrt(2.0);  // axis-aligned: a rotated square would read as a diamond
      fill(image,
           {fixedPoint(cx - h, cy - h), fixedPoint(cx + h, cy - h), fixedPoint(cx + h, cy + h),
            fixedPoint(cx - h, cy + h)},
           colour);
      break;
    }
    case ShapeKind::Triangle:
      // Centred on the circumcentre, so the lower edge sits at r/2 below the centre.
      fill(image, polygon(cx, cy, {r}, 3), colour);
      break;
    case ShapeKind::Star:
      fill(image, polygon(cx, cy, {r, 0.45 * r}, 10), colour);
      break;
    case ShapeKind::Diamond:
      // Taller than wide, so it never looks like a square turned 45 degrees.
      fill(image,
           {fixedPoint(cx, cy - r), fixedPoint(cx + 0.65 * r, cy), fixedPoint(cx, cy + r),
            fixedPoint(cx - 0.65 * r, cy)},
           colour);
      break;
  }
}

}  // namespace

cv::Mat drawScene(const SceneLayout& layout, int imageSize) {
  cv::Mat image(imageSize, imageSize, CV_8UC3, layout.background);
  const double side = imageSize;
  for (const PlacedShape& s : layout.shapes) {
    drawShape(image, layout.shape, s.cx * side, s.cy * side, s.radius * side, layout.colour);
  }
  return image;
}

}  // namespace vimoe::data::detail
