// Forward+backward cost of one MoE layer against the dense FFN it replaces.
//
// Compute-proportional cost: each token runs k experts of the dense FFN's size, so at k = 2
// the MoE layer should take about 2x the dense FFN; the target is within 1.3x of
// that (ratio <= 2.6 at k = 2). With a capacity factor every expert buffer holds cf x k x T / E
// rows (padding included); dropless sizes them to the busiest expert's load instead.
#pragma once

#include "vimoe/bench/timing.h"

namespace vimoe::bench {

struct MoeLayerBenchOptions {
  int tokens = 4096;
  int width = 128;
  int hidden = 512;
  int experts = 8;
  int topK = 2;
  double capacityFactor = 1.25;  // the capped variant; the other is dropless
  int warmup = 3;
  int repetitions = 15;
};

struct MoeLayerBenchResult {
  TimingSummary dense;     // FeedForward(width, hidden)
  TimingSummary dropless;  // MoeLayer, capacity factor 0
  TimingSummary capped;    // MoeLayer, options.capacityFactor
  double droplessRatio() const { return dense.medianMs > 0 ? dropless.medianMs / dense.medianMs : 0; }
  double cappedRatio() const { return dense.medianMs > 0 ? capped.medianMs / dense.medianMs : 0; }
};

// Runs on the CPU with LibTorch's current thread count.
MoeLayerBenchResult benchMoeLayer(const MoeLayerBenchOptions& options);

}  // namespace vimoe::bench
