#include "vimoe/bench/timing.h"

#include <algorithm>
#include <chrono>

namespace vimoe::bench {

TimingSummary summarise(std::vector<double> samplesMs) {
  TimingSummary summary;
  summary.repetitions = static_cast<int>(samplesMs.size());
  if (samplesMs.empty()) return summary;
  std::sort(samplesMs.begin(), samplesMs.end());
  const std::size_t n = samplesMs.size();
  summary.medianMs = n % 2 == 1 ? samplesMs[n / 2] : 0.5 * (samplesMs[n / 2 - 1] + samplesMs[n / 2]);
  summary.minMs = samplesMs.front();
  summary.maxMs = samplesMs.back();
  return summary;
}

TimingSummary timeRepeated(const std::function<void()>& work, int warmup, int repetitions) {
  for (int i = 0; i < warmup; ++i) work();
  std::vector<double> samples;
  samples.reserve(static_cast<std::size_t>(std::max(0, repetitions)));
  for (int i = 0; i < repetitions; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    samples.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  return summarise(std::move(samples));
}

}  // namespace vimoe::bench
