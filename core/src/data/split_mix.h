// SplitMix64: a tiny PRNG whose output is fixed by its algorithm, so synthetic data is the
// same on every platform. std::uniform_*_distribution is not used on purpose: its mapping
// from engine output to numbers differs between standard libraries.
#pragma once

#include <cstdint>

namespace vimoe::data::detail {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t state) : m_state(state) {}

  // Independent stream for (seed, index, purpose): mixing each part through the finaliser
  // keeps neighbouring indices uncorrelated.
  static SplitMix64 forItem(std::uint64_t seed, std::int64_t index, std::uint64_t purpose) {
    SplitMix64 mixer(seed);
    std::uint64_t state = mixer.next() ^ static_cast<std::uint64_t>(index);
    state = SplitMix64(state).next() ^ (purpose * 0xD1B54A32D192ED03ull);
    return SplitMix64(SplitMix64(state).next());
  }

  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n); the modulo bias is below 2^-56 for the small n used here.
  int below(int n) { return n <= 1 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

  // Uniform in [0, 1) from the top 53 bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double between(double lo, double hi) { return lo + (hi - lo) * unit(); }

 private:
  std::uint64_t m_state;
};

}  // namespace vimoe::data::detail
