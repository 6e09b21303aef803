#include "vimoe/train/batch_augment.h"

#include <cmath>

namespace vimoe::train {
namespace {

struct CropBox {
  std::int64_t top, left, height, width;
};

// torchvision's RandomResizedCrop.get_params on a square S x S image: ten tries at a random
// area and log-uniform aspect ratio, else the whole image.
CropBox randomCrop(std::int64_t size, double minArea, at::Generator& gen) {
  const double logLow = std::log(3.0 / 4.0), logHigh = std::log(4.0 / 3.0);
  for (int attempt = 0; attempt < 10; ++attempt) {
    const auto u = torch::rand({4}, gen, torch::kFloat64);
    const double area = (minArea + (1.0 - minArea) * u[0].item<double>()) * double(size * size);
    const double aspect = std::exp(logLow + (logHigh - logLow) * u[1].item<double>());
    const auto width = static_cast<std::int64_t>(std::lround(std::sqrt(area * aspect)));
    const auto height = static_cast<std::int64_t>(std::lround(std::sqrt(area / aspect)));
    if (width < 1 || height < 1 || width > size || height > size) continue;
    const auto top = static_cast<std::int64_t>(u[2].item<double>() * double(size - height + 1));
    const auto left = static_cast<std::int64_t>(u[3].item<double>() * double(size - width + 1));
    return {std::min(top, size - height), std::min(left, size - width), height, width};
  }
  return {0, 0, size, size};
}

torch::Tensor resizedCrop(const torch::Tensor& image, const CropBox& box, std::int64_t size) {
  const auto crop = image.narrow(1, box.top, box.height).narrow(2, box.left, box.width);
  if (box.height == size && box.width == size) return crop.clone();
  namespace F = torch::nn::functional;
  const auto resized = F::interpolate(crop.unsqueeze(0).to(torch::kFloat32),
                                      F::InterpolateFuncOptions()
                                          .size(std::vector<std::int64_t>{size, size})
                                          .mode(torch::kBilinear)
                                          .align_corners(false));
  return resized.squeeze(0).round_().clamp_(0, 255).to(torch::kUInt8);
}

}  // namespace

BatchAugment batchAugmentOf(const config::DataConfig& data) { return {data.crop_min_area, data.flip}; }

torch::Tensor augmentPixels(const torch::Tensor& pixels, const torch::Tensor& mirrorable, const BatchAugment& augment,
                            std::uint64_t seed, std::int64_t index) {
  if (!augment.enabled() || pixels.size(0) == 0) return pixels;
  // A stream apart from the batch's row draws (contrastive_data.cpp), which use other constants.
  auto gen = at::detail::createCPUGenerator(seed * 2654435761ULL + 0x5DEECE66DULL + static_cast<std::uint64_t>(index));
  const std::int64_t n = pixels.size(0), size = pixels.size(2);
  auto out = pixels.clone();
  for (std::int64_t i = 0; i < n; ++i) {
    auto image = pixels[i];
    if (augment.cropMinArea < 1.0) image = resizedCrop(image, randomCrop(size, augment.cropMinArea, gen), size);
    // Drawn for every row, mirrorable or not, so one row's text does not shift the others' draws.
    const bool heads = torch::rand({1}, gen, torch::kFloat64).item<double>() < 0.5;
    if (augment.flip && heads && mirrorable.defined() && mirrorable[i].item<bool>()) image = image.flip({2});
    out[i].copy_(image);
  }
  return out;
}

}  // namespace vimoe::train
