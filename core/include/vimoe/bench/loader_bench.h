// `vimoe bench --what loader`: can the streaming loader feed a 224-px training run? JPEG files
// shaped like COCO photos (640 x 480 by default) are generated into a scratch folder, then read
// the way training reads a split too large for memory (ImageTable::streamed: decode, shorter
// side resized, centre crop) by the training loop's prefetcher at 1 .. N worker threads. The
// figure to compare is the samples/s a vit-s16 training step consumes on the same machine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe::bench {

struct LoaderBenchOptions {
  int images = 512;       // files generated and read once per thread count
  int width = 640, height = 480;
  int imageSize = 224;    // decoded size
  int batchSize = 64;
  int maxThreads = 2;     // 1, 2, 4 ... up to this
  std::string trainPreset = "vit-s16";  // "" skips the training-consumption figure
  int trainBatch = 4;
  int trainSteps = 3;
  // Write the JPEGs here and keep them (bench/compare_loader reads the same files with
  // torchvision); empty: a scratch folder removed afterwards.
  std::string keepDir;
};

struct LoaderBenchRow {
  int threads = 0;
  double imagesPerSecond = 0;
};

struct LoaderBenchResult {
  std::vector<LoaderBenchRow> rows;
  double trainSamplesPerSecond = 0;  // dense trainPreset step on this machine (0 when skipped)
  std::int64_t peakRssBytes = 0;     // of this process, after everything above
  std::int64_t fileBytes = 0;        // the generated JPEGs on disk
};

Expected<LoaderBenchResult> benchLoader(const LoaderBenchOptions& options);

// VmHWM of this process (Linux), 0 when unknown.
std::int64_t peakResidentBytes();

}  // namespace vimoe::bench
