#include "vimoe/data/image_loader.h"

#include <algorithm>
#include <numeric>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/split_mix.h"
#include "vimoe/data/augment.h"

namespace vimoe::data {

cv::Mat loadSquareImage(const std::string& path, int imageSize) {
  cv::Mat image;
  try {
    image = cv::imread(path, cv::IMREAD_COLOR);
  } catch (const cv::Exception&) {
    return {};
  }
  if (image.empty()) return {};
  if (image.rows == imageSize && image.cols == imageSize) return image;
  const double scale = double(imageSize) / std::min(image.rows, image.cols);
  cv::Mat resized;
  cv::resize(image, resized,
             cv::Size(std::max(imageSize, int(std::lround(image.cols * scale))),
                      std::max(imageSize, int(std::lround(image.rows * scale)))),
             0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  const int x = (resized.cols - imageSize) / 2, y = (resized.rows - imageSize) / 2;
  return resized(cv::Rect(x, y, imageSize, imageSize)).clone();
}

void toNormalisedChw(const cv::Mat& bgr, const ImagePipelineOptions& o, float* out) {
  const int n = o.imageSize;
  const std::size_t plane = std::size_t(n) * std::size_t(n);
  for (int y = 0; y < n; ++y) {
    const auto* row = bgr.ptr<cv::Vec3b>(y);
    for (int x = 0; x < n; ++x) {
      const std::size_t at = std::size_t(y) * std::size_t(n) + std::size_t(x);
      for (int c = 0; c < 3; ++c) {  // RGB out of BGR
        const float v = row[x][2 - c] / 255.0f;
        out[std::size_t(c) * plane + at] = (v - o.mean[std::size_t(c)]) / o.std[std::size_t(c)];
      }
    }
  }
}

PrefetchLoader::PrefetchLoader(const std::vector<Sample>& samples, ImagePipelineOptions pipeline, LoaderOptions options)
    : m_samples(samples), m_pipeline(std::move(pipeline)), m_options(options) {
  m_options.batchSize = std::max(1, m_options.batchSize);
  const auto n = static_cast<std::int64_t>(samples.size());
  m_batchesPerEpoch = (n + m_options.batchSize - 1) / m_options.batchSize;
  m_totalBatches = m_batchesPerEpoch * std::max(0, m_options.epochs);
  for (int e = 0; e < m_options.epochs; ++e) m_orders.push_back(orderForEpoch(e));
  m_prefetch = std::make_unique<OrderedPrefetch<LoadedBatch>>([this](std::int64_t batch) { return buildOrExplain(batch); },
                                                              0, m_totalBatches, m_options.threads, m_options.prefetchBatches);
}

std::vector<std::size_t> PrefetchLoader::orderForEpoch(int epoch) const {
  std::vector<std::size_t> order(m_samples.size());
  std::iota(order.begin(), order.end(), 0);
  if (!m_options.shuffle) return order;
  auto rng = detail::SplitMix64::forItem(m_options.seed, epoch, /*purpose=*/11);
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[std::size_t(rng.below(int(i)))]);
  return order;
}

// The consumer waits for every batch number: a batch that failed arrives, empty but explained.
LoadedBatch PrefetchLoader::buildOrExplain(std::int64_t batch) const {
  try {
    return build(batch);
  } catch (const std::exception& e) {
    LoadedBatch failed;
    failed.index = batch;
    failed.problems.push_back(std::string("batch ") + std::to_string(batch) + " failed: " + e.what());
    return failed;
  }
}

LoadedBatch PrefetchLoader::build(std::int64_t batch) const {
  const int epoch = int(batch / m_batchesPerEpoch);
  const std::int64_t first = (batch % m_batchesPerEpoch) * m_options.batchSize;
  const auto& order = m_orders[std::size_t(epoch)];
  const std::size_t end = std::min(order.size(), std::size_t(first + m_options.batchSize));
  LoadedBatch out;
  out.index = batch;
  const int n = m_pipeline.imageSize;
  const std::size_t stride = 3 * std::size_t(n) * std::size_t(n);
  out.pixels.assign((end - std::size_t(first)) * stride, 0.0f);
  for (std::size_t k = std::size_t(first); k < end; ++k) {
    const std::size_t row = k - std::size_t(first);
    const Sample& sample = m_samples[order[k]];
    // The flip coin depends on (seed, epoch, sample), never on which thread drew it.
    auto coin =
        detail::SplitMix64::forItem(m_options.seed ^ 0xF11Bu, std::int64_t(order[k]), 12 + std::uint64_t(epoch));
    const bool flip = m_pipeline.randomFlip && flipAllowed(sample, m_pipeline.format) && coin.below(2) == 1;
    out.samples.push_back(order[k]);
    out.flipped.push_back(flip);
    out.text.push_back(flip ? flippedText(sample) : sample);
    cv::Mat image = loadSquareImage(sample.imagePath, n);
    if (image.empty()) {
      out.problems.push_back(sample.imagePath + ": unreadable image (zeros in batch " + std::to_string(batch) + ")");
      continue;
    }
    if (flip) cv::flip(image, image, 1);
    toNormalisedChw(image, m_pipeline, out.pixels.data() + row * stride);
  }
  return out;
}

std::optional<LoadedBatch> PrefetchLoader::next() { return m_prefetch->next(); }

}  // namespace vimoe::data
