// The images of a split, addressed by row, as uint8 RGB [n, 3, S, S] batches. A split whose
// decoded images fit data.image_cache_mb is decoded once and held in memory (the demo sets);
// a larger one keeps only its paths and decodes the rows a batch asks for, so memory does not
// grow with the dataset (the training loop's prefetch workers do the decoding in parallel).
// Decoding resizes the shorter side and crops the centre (data::loadSquareImage).
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace vimoe::train {

class ImageTable {
 public:
  ImageTable() = default;
  // Held in memory: `images` [n, 3, S, S] uint8.
  static ImageTable inMemory(torch::Tensor images, std::vector<std::string> paths = {});
  // Decoded on demand from `paths`.
  static ImageTable streamed(std::vector<std::string> paths, int imageSize);

  std::int64_t size() const { return static_cast<std::int64_t>(m_cache.defined() ? m_cache.size(0) : m_paths.size()); }
  bool inMemory() const { return m_cache.defined(); }
  int imageSize() const { return m_imageSize; }

  // The images of `rows` (int64). A file that cannot be decoded gives a black image, its path
  // goes to `problems` and its position in `rows` to `failedPositions` (when given).
  torch::Tensor gather(const torch::Tensor& rows, std::vector<std::string>* problems = nullptr,
                       std::vector<std::int64_t>* failedPositions = nullptr) const;
  // Rows start .. start + count - 1.
  torch::Tensor range(std::int64_t start, std::int64_t count, std::vector<std::string>* problems = nullptr) const;

 private:
  torch::Tensor m_cache;
  std::vector<std::string> m_paths;
  int m_imageSize = 0;
};

// Collects a split's images while its annotations are read: when the split's decoded images fit
// `cacheMb`, each is decoded now and held; otherwise only its header is checked (OpenCV knows the
// format) and it is decoded when a batch asks.
class ImageTableBuilder {
 public:
  ImageTableBuilder(std::int64_t expectedImages, int imageSize, std::int64_t cacheMb);
  // False (and nothing added) when the image cannot be used.
  bool add(const std::string& path);
  std::int64_t size() const { return static_cast<std::int64_t>(m_paths.size()); }
  ImageTable build();

 private:
  bool m_inMemory;
  int m_imageSize;
  std::vector<torch::Tensor> m_images;
  std::vector<std::string> m_paths;
};

// One file as [3, S, S] uint8 RGB (shorter side resized, centre cropped); undefined when it
// cannot be decoded.
torch::Tensor decodeImage(const std::string& path, int imageSize);

// Decoded bytes of n images of size S: what data.image_cache_mb is compared with.
inline std::int64_t decodedBytes(std::int64_t images, int imageSize) {
  return images * 3 * static_cast<std::int64_t>(imageSize) * imageSize;
}

}  // namespace vimoe::train
