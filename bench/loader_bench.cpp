// Throughput of the data layer: synthetic generation (images/s while writing PNGs) and the
// prefetching loader (decoded, resized, normalised images/s) at 1 and 2 threads, with and
// without flip augmentation. Compare the loader figure with the samples/s the trainer prints
// (`vimoe train`, or vimoe_bench_moe): the loader must be faster than training.
//   vimoe_bench_loader [images=4000] [image_size=64] [epochs=3]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "vimoe/data/dataset_import.h"
#include "vimoe/data/image_loader.h"
#include "vimoe/data/synthetic_captions.h"

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace vimoe::data;
  const int images = argc > 1 ? std::atoi(argv[1]) : 4000;
  const int size = argc > 2 ? std::atoi(argv[2]) : 64;
  const int epochs = argc > 3 ? std::atoi(argv[3]) : 3;
  const auto root = std::filesystem::temp_directory_path() / ("vimoe-loader-bench-" + std::to_string(::getpid()));
  std::printf("hardware threads: %u\n", std::thread::hardware_concurrency());

  SyntheticCaptionOptions synth;
  synth.trainImages = images;
  synth.valImages = 8;
  synth.imageSize = size;
  synth.domains = syntheticDomains();
  double generateOne = 0;
  for (int threads : {1, 2}) {
    std::filesystem::remove_all(root);
    synth.threads = threads;
    const auto start = std::chrono::steady_clock::now();
    if (auto s = writeSyntheticCaptionDataset(root.string(), synth); !s) {
      std::fprintf(stderr, "generation failed: %s\n", s.error().message.c_str());
      return 1;
    }
    const double seconds = secondsSince(start);
    if (threads == 1) generateOne = seconds;
    std::printf("generate %d images %dpx, 4 domains, %d thread(s): %.2f s, %.0f images/s%s\n", images + 8, size,
                threads, seconds, (images + 8) / seconds,
                threads == 1 ? "" : ("  (x" + std::to_string(generateOne / seconds).substr(0, 4) + ")").c_str());
  }

  auto dataset = importCocoCaptions((root / "captions_train.json").string(), (root / "images").string(), {});
  if (!dataset) return std::fprintf(stderr, "%s\n", dataset.error().message.c_str()), 1;
  for (bool flip : {false, true}) {
    double oneThread = 0;
    for (int threads : {1, 2}) {
      ImagePipelineOptions pipeline;
      pipeline.imageSize = size;
      pipeline.randomFlip = flip;
      LoaderOptions options;
      options.batchSize = 64;
      options.threads = threads;
      options.epochs = epochs;
      const auto start = std::chrono::steady_clock::now();
      PrefetchLoader loader(dataset->samples, pipeline, options);
      std::size_t loaded = 0;
      double checksum = 0;
      while (auto batch = loader.next()) {
        loaded += batch->size();
        checksum += batch->pixels.front();
      }
      const double seconds = secondsSince(start);
      if (threads == 1) oneThread = seconds;
      std::printf("loader %zu images (%d epochs, batch 64, flip %s), %d thread(s): %.2f s, %.0f images/s%s  [%g]\n",
                  loaded, epochs, flip ? "on" : "off", threads, seconds, loaded / seconds,
                  threads == 1 ? "" : ("  (x" + std::to_string(oneThread / seconds).substr(0, 4) + ")").c_str(),
                  checksum);
    }
  }
  std::filesystem::remove_all(root);
  return 0;
}
