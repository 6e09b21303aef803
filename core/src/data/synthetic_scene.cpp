#include "data/synthetic_scene.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "data/split_mix.h"

namespace vimoe::data::detail {
namespace {

struct NamedShape {
  ShapeKind kind;
  const char* name;
};
constexpr std::array<NamedShape, 5> kShapes = {{{ShapeKind::Circle, "hình tròn"},
                                                {ShapeKind::Square, "hình vuông"},
                                                {ShapeKind::Triangle, "hình tam giác"},
                                                {ShapeKind::Star, "ngôi sao"},
                                                {ShapeKind::Diamond, "hình thoi"}}};

struct NamedColour {
  const char* name;
  double b, g, r;
};
constexpr std::array<NamedColour, 8> kColours = {{{"đỏ", 36, 28, 230},
                                                  {"xanh lá", 60, 175, 40},
                                                  {"xanh dương", 210, 80, 40},
                                                  {"vàng", 0, 215, 255},
                                                  {"tím", 180, 50, 135},
                                                  {"cam", 0, 135, 255},
                                                  {"trắng", 255, 255, 255},
                                                  {"đen", 0, 0, 0}}};

// Light and dark tones; none is close to a shape colour except the ones of the same name,
// and "kem" is excluded for white shapes below because the two are hard to tell apart.
constexpr std::array<NamedColour, 4> kBackgrounds = {
    {{"trắng", 245, 245, 245}, {"đen", 25, 25, 25}, {"xám", 128, 128, 128}, {"kem", 205, 235, 250}}};

struct Region {
  double x0, y0, x1, y1;
};
// Same order as the position phrases: top-left, top-right, bottom-left, bottom-right, centre.
constexpr std::array<Region, 5> kRegions = {{{0.02, 0.02, 0.48, 0.48},
                                             {0.52, 0.02, 0.98, 0.48},
                                             {0.02, 0.52, 0.48, 0.98},
                                             {0.52, 0.52, 0.98, 0.98},
                                             {0.27, 0.27, 0.73, 0.73}}};
constexpr std::array<const char*, 5> kPositionWords = {"ở góc trên bên trái", "ở góc trên bên phải",
                                                       "ở góc dưới bên trái", "ở góc dưới bên phải", "ở giữa"};

constexpr double kSmallRadius = 0.06, kLargeRadius = 0.10;  // the two sizes differ by ~1.7x
constexpr double kGap = 0.02;                               // free space wanted between shapes
constexpr int kLayoutTries = 256;

bool clashes(const NamedColour& colour, const NamedColour& background) {
  const std::string name = colour.name, bg = background.name;
  return name == bg || (name == "trắng" && bg == "kem");
}

// Smallest gap between any two shapes (negative when they overlap).
double clearance(const std::vector<PlacedShape>& shapes) {
  double least = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    for (std::size_t j = i + 1; j < shapes.size(); ++j) {
      const double distance = std::hypot(shapes[i].cx - shapes[j].cx, shapes[i].cy - shapes[j].cy);
      least = std::min(least, distance - shapes[i].radius - shapes[j].radius);
    }
  }
  return least;
}

// Whole layouts are sampled inside the region until one leaves kGap between all shapes;
// otherwise the one with the least overlap wins. Placing shape by shape would let an unlucky
// first shape block the others (three large shapes in a corner only just fit).
std::vector<PlacedShape> placeShapes(SplitMix64& rng, const Region& region, int count, double baseRadius) {
  std::vector<PlacedShape> best;
  double bestClearance = -std::numeric_limits<double>::infinity();
  for (int attempt = 0; attempt < kLayoutTries; ++attempt) {
    std::vector<PlacedShape> shapes;
    for (int k = 0; k < count; ++k) {
      const double radius = baseRadius * rng.between(0.92, 1.0);
      shapes.push_back({rng.between(region.x0 + radius, region.x1 - radius),
                        rng.between(region.y0 + radius, region.y1 - radius), radius});
    }
    const double gap = clearance(shapes);
    if (gap > bestClearance) {
      bestClearance = gap;
      best = std::move(shapes);
    }
    if (bestClearance >= kGap) break;
  }
  return best;
}

}  // namespace

SceneLayout sampleScene(std::uint64_t seed, std::int64_t index) {
  SplitMix64 rng = SplitMix64::forItem(seed, index, /*purpose=*/1);
  SceneLayout layout;
  const NamedShape& shape = kShapes[static_cast<std::size_t>(rng.below(int(kShapes.size())))];
  const NamedColour& background = kBackgrounds[static_cast<std::size_t>(rng.below(int(kBackgrounds.size())))];
  const NamedColour* colour = nullptr;
  do {
    colour = &kColours[static_cast<std::size_t>(rng.below(int(kColours.size())))];
  } while (clashes(*colour, background));
  const bool large = rng.below(2) == 1;
  const int count = 1 + rng.below(3);
  layout.positionIndex = rng.below(int(kRegions.size()));

  layout.shape = shape.kind;
  layout.colour = cv::Scalar(colour->b, colour->g, colour->r);
  layout.background = cv::Scalar(background.b, background.g, background.r);
  layout.scene.shape = shape.name;
  layout.scene.colour = colour->name;
  layout.scene.size = large ? "lớn" : "nhỏ";
  layout.scene.position = kPositionWords[static_cast<std::size_t>(layout.positionIndex)];
  layout.scene.count = count;
  layout.scene.background = background.name;
  layout.shapes = placeShapes(rng, kRegions[static_cast<std::size_t>(layout.positionIndex)], count,
                              large ? kLargeRadius : kSmallRadius);
  return layout;
}

}  // namespace vimoe::data::detail
