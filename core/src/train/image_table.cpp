#include "vimoe/train/image_table.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "vimoe/data/image_loader.h"

namespace vimoe::train {
namespace {

// One file as [3, S, S] uint8 RGB into `out`; false when it cannot be decoded.
bool decodeInto(const std::string& path, int imageSize, torch::Tensor out) {
  cv::Mat bgr = data::loadSquareImage(path, imageSize);
  if (bgr.empty()) return false;
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  out.copy_(torch::from_blob(rgb.data, {imageSize, imageSize, 3}, torch::kUInt8).permute({2, 0, 1}));
  return true;
}

}  // namespace

ImageTable ImageTable::inMemory(torch::Tensor images, std::vector<std::string> paths) {
  ImageTable table;
  table.m_imageSize = images.dim() == 4 ? static_cast<int>(images.size(2)) : 0;
  table.m_cache = std::move(images);
  table.m_paths = std::move(paths);
  return table;
}

ImageTable ImageTable::streamed(std::vector<std::string> paths, int imageSize) {
  ImageTable table;
  table.m_paths = std::move(paths);
  table.m_imageSize = imageSize;
  return table;
}

torch::Tensor ImageTable::gather(const torch::Tensor& rows, std::vector<std::string>* problems,
                                 std::vector<std::int64_t>* failedPositions) const {
  if (m_cache.defined()) return m_cache.index_select(0, rows);
  const auto index = rows.to(torch::kLong).contiguous();
  const auto n = index.size(0);
  auto out = torch::zeros({n, 3, m_imageSize, m_imageSize}, torch::kUInt8);
  const auto* at = index.data_ptr<std::int64_t>();
  for (std::int64_t i = 0; i < n; ++i) {
    const auto& path = m_paths.at(static_cast<std::size_t>(at[i]));
    if (decodeInto(path, m_imageSize, out[i])) continue;
    if (problems) problems->push_back(path);
    if (failedPositions) failedPositions->push_back(i);
  }
  return out;
}

torch::Tensor ImageTable::range(std::int64_t start, std::int64_t count, std::vector<std::string>* problems) const {
  if (m_cache.defined()) return m_cache.narrow(0, start, count);
  return gather(torch::arange(start, start + count, torch::kLong), problems);
}

ImageTableBuilder::ImageTableBuilder(std::int64_t expectedImages, int imageSize, std::int64_t cacheMb)
    : m_inMemory(decodedBytes(expectedImages, imageSize) <= cacheMb * 1024 * 1024), m_imageSize(imageSize) {}

bool ImageTableBuilder::add(const std::string& path) {
  if (m_inMemory) {
    auto image = torch::empty({3, m_imageSize, m_imageSize}, torch::kUInt8);
    if (!decodeInto(path, m_imageSize, image)) return false;
    m_images.push_back(std::move(image));
  } else {
    try {
      if (!cv::haveImageReader(path)) return false;
    } catch (const cv::Exception&) {
      return false;
    }
  }
  m_paths.push_back(path);
  return true;
}

ImageTable ImageTableBuilder::build() {
  if (!m_inMemory) return ImageTable::streamed(std::move(m_paths), m_imageSize);
  auto images = m_images.empty() ? torch::empty({0, 3, m_imageSize, m_imageSize}, torch::kUInt8) : torch::stack(m_images);
  m_images.clear();
  return ImageTable::inMemory(std::move(images), std::move(m_paths));
}

torch::Tensor decodeImage(const std::string& path, int imageSize) {
  auto image = torch::empty({3, imageSize, imageSize}, torch::kUInt8);
  return decodeInto(path, imageSize, image) ? image : torch::Tensor();
}

}  // namespace vimoe::train
