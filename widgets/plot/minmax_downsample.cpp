#include "plot/minmax_downsample.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace vimoe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// The grid's columns as positions on a linear or logarithmic scale.
class BucketScale {
 public:
  explicit BucketScale(const DownsampleGrid& grid) : m_buckets(std::max(1, grid.buckets)) {
    m_log = grid.logScale && grid.lower > 0 && grid.upper > 0;
    const double lower = m_log ? std::log(grid.lower) : grid.lower;
    const double upper = m_log ? std::log(grid.upper) : grid.upper;
    m_origin = lower;
    m_step = (upper - lower) / m_buckets;
    // A single step (or a broken range) is one column: everything lands in the last bucket.
    if (!(m_step > 0) || !std::isfinite(m_step)) m_buckets = 1;
  }

  int buckets() const { return m_buckets; }

  int bucketOf(double x) const {
    if (m_buckets == 1) return 0;
    const double position = std::floor(((m_log ? std::log(x) : x) - m_origin) / m_step);
    if (!(position > 0)) return 0;  // NaN too: x is before the range or log(x) broke
    return position >= m_buckets - 1 ? m_buckets - 1 : static_cast<int>(position);
  }

  // The smallest x of bucket `bucket` (its left pixel edge).
  double leftEdge(int bucket) const {
    const double t = m_origin + bucket * m_step;
    return m_log ? std::exp(t) : t;
  }

 private:
  int m_buckets;
  bool m_log = false;
  double m_origin = 0;
  double m_step = 0;
};

// Non-finite values become one NaN: QCustomPlot breaks a line at NaN, and a run of them needs
// only one.
void emitPoint(MinMaxSample& sample, double x, double y) {
  if (!std::isfinite(y)) {
    if (!sample.y.isEmpty() && std::isnan(sample.y.back())) return;
    y = kNaN;
  }
  sample.x.append(x);
  sample.y.append(y);
}

// Buckets of the input from sample.resumeInput on: the first bucket is at least
// sample.resumeBucket, each later one after the previous (so no bucket is emitted twice, even
// where rounding puts an edge a hair off).
void scanBuckets(const QVector<double>& x, const QVector<double>& y, int count, const BucketScale& scale,
                 MinMaxSample& sample) {
  const double* xs = x.constData();
  const double* ys = y.constData();
  const int end = static_cast<int>(std::upper_bound(xs + sample.resumeInput, xs + count, sample.grid.upper) - xs);
  int i = sample.resumeInput;
  int minBucket = sample.resumeBucket;
  while (i < end) {
    const int bucket = std::max(scale.bucketOf(xs[i]), minBucket);
    const double nextEdge = bucket >= scale.buckets() - 1 ? kInf : scale.leftEdge(bucket + 1);
    int lowest = -1, highest = -1;
    double low = kInf, high = -kInf;
    int j = i;
    do {
      const double v = ys[j];
      if (std::isfinite(v)) {
        if (v < low || lowest < 0) low = v, lowest = j;
        if (v > high || highest < 0) high = v, highest = j;
      }
      ++j;
    } while (j < end && xs[j] < nextEdge);
    sample.resumeInput = i;
    sample.resumeOutput = static_cast<int>(sample.x.size());
    sample.resumeBucket = bucket;
    std::array<int, 4> keep = {i, lowest, highest, j - 1};
    std::sort(keep.begin(), keep.end());
    int previous = -1;
    for (int k : keep) {
      if (k < 0 || k == previous) continue;
      emitPoint(sample, xs[k], ys[k]);
      previous = k;
    }
    minBucket = bucket + 1;
    i = j;
  }
  sample.hasRightNeighbour = end < count;
  if (sample.hasRightNeighbour) emitPoint(sample, xs[end], ys[end]);
}

}  // namespace

MinMaxSample minMaxDownsample(const QVector<double>& x, const QVector<double>& y, const DownsampleGrid& grid) {
  MinMaxSample sample;
  sample.grid = grid;
  sample.valid = true;
  const int count = static_cast<int>(std::min(x.size(), y.size()));
  sample.inputCount = count;
  const double* xs = x.constData();
  const int begin = static_cast<int>(std::lower_bound(xs, xs + count, grid.lower) - xs);
  if (begin > 0) emitPoint(sample, xs[begin - 1], y[begin - 1]);
  sample.resumeInput = begin;
  sample.resumeOutput = static_cast<int>(sample.x.size());
  sample.resumeBucket = 0;
  scanBuckets(x, y, count, BucketScale(grid), sample);
  return sample;
}

void extendMinMaxDownsample(const QVector<double>& x, const QVector<double>& y, const DownsampleGrid& grid,
                            MinMaxSample& sample) {
  const int count = static_cast<int>(std::min(x.size(), y.size()));
  // Another grid, fewer points (a reset), or no point inside the range yet (the left
  // neighbour may move): start over, which is cheap in the last case.
  if (grid != sample.grid || !sample.valid || count < sample.inputCount || sample.resumeInput >= sample.inputCount) {
    sample = minMaxDownsample(x, y, grid);
    return;
  }
  if (count == sample.inputCount) return;
  sample.inputCount = count;
  // New points come after the first point past the range, which is already the last output.
  if (sample.hasRightNeighbour) return;
  sample.x.resize(sample.resumeOutput);
  sample.y.resize(sample.resumeOutput);
  scanBuckets(x, y, count, BucketScale(grid), sample);
}

}  // namespace vimoe::widgets
