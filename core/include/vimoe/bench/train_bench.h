// Training throughput of a preset, dense and MoE, on synthetic in-memory batches: the
// trainer's step (forward, CLIP loss + weighted aux losses, backward, gradient clipping,
// AdamW) without data loading, logging or checkpoints. bench/pytorch/tiny_clip.py is the
// same model and step in PyTorch, so the two figures compare the frameworks, not the setups.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/bench/timing.h"
#include "vimoe/util/expected.h"

namespace vimoe::bench {

struct TrainBenchOptions {
  std::string preset = "tiny";
  int batchSize = 64;
  int imageSize = 64;            // patch 8 (the config default)
  int textTokens = 24;           // padded length; real lengths are drawn from [8, textTokens]
  int vocabSize = 256;           // the demo's
  double capacityFactor = 1.25;  // moe.capacity_factor_train of the MoE cases
  int warmupSteps = 3;
  int steps = 10;  // timed steps; samples/s comes from their median
  std::uint64_t seed = 0;
  bool denseOnly = false;  // only the dense case (what a loader is compared with)
};

struct TrainBenchCase {
  std::string name;  // "dense", "moe-e4-k1", "moe-e8-k2"
  int experts = 0;   // 0 = dense
  int topK = 0;
  std::int64_t parameters = 0;
  std::int64_t activeParameters = 0;
  TimingSummary step;
  double samplesPerSecond = 0;  // batchSize / median step time
};

// The dense model, then E=4 k=1 and E=8 k=2 in every block of both towers. An unknown preset
// is an Error.
Expected<std::vector<TrainBenchCase>> benchTraining(const TrainBenchOptions& options);

}  // namespace vimoe::bench
