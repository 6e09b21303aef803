#include "vimoe/bench/loader_bench.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "vimoe/bench/train_bench.h"
#include "vimoe/data/ordered_prefetch.h"
#include "vimoe/train/image_table.h"

namespace vimoe::bench {
namespace fs = std::filesystem;
namespace {

// A photo-like JPEG: smooth gradients and a few filled shapes, so the codec does real work.
Status writePhoto(const std::string& path, int width, int height, int seed) {
  cv::Mat image(height, width, CV_8UC3);
  cv::RNG rng(static_cast<std::uint64_t>(seed) + 1);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      image.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>((x + seed) % 256), static_cast<uchar>((y * 2) % 256),
                                            static_cast<uchar>((x + y + 3 * seed) % 256));
  for (int i = 0; i < 6; ++i)
    cv::circle(image, {rng.uniform(0, width), rng.uniform(0, height)}, rng.uniform(10, height / 3),
               cv::Scalar(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255)), cv::FILLED);
  if (!cv::imwrite(path, image, {cv::IMWRITE_JPEG_QUALITY, 90})) return Error::at(path, "cannot write a JPEG here");
  return okStatus();
}

double imagesPerSecond(const train::ImageTable& table, int batchSize, int threads) {
  const std::int64_t n = table.size(), batches = (n + batchSize - 1) / batchSize;
  const auto start = std::chrono::steady_clock::now();
  data::OrderedPrefetch<torch::Tensor> prefetch(
      [&](std::int64_t b) { return table.range(b * batchSize, std::min<std::int64_t>(batchSize, n - b * batchSize)); }, 0,
      batches, threads, 2 * threads);
  std::int64_t seen = 0;
  while (auto batch = prefetch.next()) seen += batch->size(0);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return static_cast<double>(seen) / std::max(1e-9, seconds);
}

}  // namespace

std::int64_t peakResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) * 1024;  // "VmHWM:   123456 kB"
  return 0;
}

Expected<LoaderBenchResult> benchLoader(const LoaderBenchOptions& options) {
  const bool keep = !options.keepDir.empty();
  const auto dir = keep ? fs::path(options.keepDir) : fs::temp_directory_path() / ("vimoe-loader-bench-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error::at(dir.string(), "cannot create the scratch folder: " + ec.message());
  LoaderBenchResult result;
  std::vector<std::string> paths;
  for (int i = 0; i < options.images; ++i) {
    paths.push_back((dir / ("photo-" + std::to_string(i) + ".jpg")).string());
    if (auto s = writePhoto(paths.back(), options.width, options.height, i); !s) return s.error();
    result.fileBytes += static_cast<std::int64_t>(fs::file_size(paths.back(), ec));
  }
  const auto table = train::ImageTable::streamed(paths, options.imageSize);
  for (int threads = 1; threads <= std::max(1, options.maxThreads); threads *= 2)
    result.rows.push_back({threads, imagesPerSecond(table, options.batchSize, threads)});
  if (!keep) fs::remove_all(dir, ec);

  if (!options.trainPreset.empty()) {
    TrainBenchOptions train;
    train.preset = options.trainPreset;
    train.batchSize = options.trainBatch;
    train.warmupSteps = 1;
    train.steps = options.trainSteps;
    train.denseOnly = true;
    auto cases = benchTraining(train);
    if (!cases) return cases.error();
    result.trainSamplesPerSecond = cases->front().samplesPerSecond;
  }
  result.peakRssBytes = peakResidentBytes();
  return result;
}

}  // namespace vimoe::bench
