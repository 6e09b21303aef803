// Repeated timing for `vimoe bench`: a few untimed warm-up calls (allocator, OpenMP pool and
// BLAS buffers settle), then N timed calls summarised by their median, which a stray
// scheduler hiccup on a shared machine moves far less than the mean.
#pragma once

#include <functional>
#include <vector>

namespace vimoe::bench {

struct TimingSummary {
  double medianMs = 0;
  double minMs = 0;
  double maxMs = 0;
  int repetitions = 0;
};

// Median, min and max of `samplesMs` (empty: all zero).
TimingSummary summarise(std::vector<double> samplesMs);

// Calls `work` warmup + repetitions times and times the last `repetitions` calls one by one.
TimingSummary timeRepeated(const std::function<void()>& work, int warmup, int repetitions);

}  // namespace vimoe::bench
