// The image pipeline and a multi-threaded, prefetching batch loader. Each image is decoded
// with OpenCV, its shorter side resized to the target and the centre cropped square, flipped
// horizontally when the augmentation allows it (augment.h), converted to RGB float CHW and
// normalised with the per-channel mean and std. Worker threads build whole batches ahead of
// the consumer; the batch order and every flip decision depend only on the seed, so a run is
// reproducible whatever the thread count. An unreadable image never stops the loader: its
// pixels are zero and the batch names it in `problems`.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "vimoe/data/ordered_prefetch.h"
#include "vimoe/data/sample.h"

namespace vimoe::data {

struct ImagePipelineOptions {
  int imageSize = 64;
  std::array<float, 3> mean = {0.5f, 0.5f, 0.5f};  // RGB, applied to pixels in [0, 1]
  std::array<float, 3> std = {0.5f, 0.5f, 0.5f};
  bool randomFlip = false;  // horizontal flip with probability 1/2 where flipAllowed()
  std::string format;       // dataset format, for flipAllowed (scene-text sets never flip)
};

// Decode, resize shorter side, centre crop; BGR 8-bit imageSize x imageSize. Empty on failure.
cv::Mat loadSquareImage(const std::string& path, int imageSize);
// RGB float CHW, normalised, written to `out` (3 * size * size floats).
void toNormalisedChw(const cv::Mat& bgr, const ImagePipelineOptions& options, float* out);

struct LoaderOptions {
  int batchSize = 64;
  int threads = 2;
  int prefetchBatches = 4;  // batches built ahead of the consumer
  bool shuffle = true;
  int epochs = 1;
  std::uint64_t seed = 1;
};

struct LoadedBatch {
  std::int64_t index = 0;            // batch number over all epochs
  std::vector<float> pixels;         // [size, 3, imageSize, imageSize]
  std::vector<std::size_t> samples;  // sample index of each row
  std::vector<bool> flipped;
  std::vector<Sample> text;           // captions and QA as seen in the (maybe flipped) image
  std::vector<std::string> problems;  // unreadable images, by path
  std::size_t size() const { return samples.size(); }
};

class PrefetchLoader {
 public:
  // `samples` must outlive the loader.
  PrefetchLoader(const std::vector<Sample>& samples, ImagePipelineOptions pipeline, LoaderOptions options);
  PrefetchLoader(const PrefetchLoader&) = delete;
  PrefetchLoader& operator=(const PrefetchLoader&) = delete;

  // The next batch in order; nullopt after the last one. Blocks while it is being built.
  std::optional<LoadedBatch> next();
  std::int64_t batchCount() const { return m_totalBatches; }

 private:
  LoadedBatch build(std::int64_t batch) const;
  LoadedBatch buildOrExplain(std::int64_t batch) const;
  std::vector<std::size_t> orderForEpoch(int epoch) const;

  const std::vector<Sample>& m_samples;
  ImagePipelineOptions m_pipeline;
  LoaderOptions m_options;
  std::int64_t m_batchesPerEpoch = 0, m_totalBatches = 0;
  std::vector<std::vector<std::size_t>> m_orders;  // per epoch
  std::unique_ptr<OrderedPrefetch<LoadedBatch>> m_prefetch;  // last: its workers read the above
};

}  // namespace vimoe::data
