// Min/max-preserving downsampling for line plots of long runs. A million steps on a plot a
// thousand pixels wide cannot all be seen, but a loss spike or a divergence must be: the
// points of the visible x-range are bucketed per pixel column and each bucket keeps its first,
// minimum, maximum and last point, in x order (the M4 idea). Drawn as a polyline, the result
// covers the same pixels as the full series, at most ~4 points per column.
//
// Free functions over QVector<double> so that they can be tested on exact values without a
// plot; CurvePlot calls them on every range change, resize and data append.
#pragma once

#include <QVector>

namespace vimoe::widgets {

// The pixel columns of the visible x-range. On a log axis the columns are equal in log(x),
// as the axis draws them (`lower` must then be > 0, else the grid is taken as linear).
struct DownsampleGrid {
  double lower = 0;
  double upper = 0;
  int buckets = 0;  // pixel columns; < 1 counts as 1
  bool logScale = false;

  bool operator==(const DownsampleGrid& other) const {
    return lower == other.lower && upper == other.upper && buckets == other.buckets && logScale == other.logScale;
  }
  bool operator!=(const DownsampleGrid& other) const { return !(*this == other); }
};

// The downsampled points, plus where the last bucket began so that appended points can
// re-run that bucket instead of the whole series (extendMinMaxDownsample).
struct MinMaxSample {
  QVector<double> x;
  QVector<double> y;
  DownsampleGrid grid;             // the grid it was computed for
  bool valid = false;              // false: never computed, extend starts over
  int inputCount = 0;              // input points it was computed from
  int resumeInput = 0;             // input index where the last (still open) bucket starts
  int resumeOutput = 0;            // output size before that bucket
  int resumeBucket = 0;            // that bucket's index
  bool hasRightNeighbour = false;  // the first point past `upper` is the last output point
};

// `x` must be non-decreasing and finite; `y` may hold NaN or +/-inf, which are gaps: they
// never count as a minimum or maximum, and a gap at the edge of a bucket is kept (as one NaN)
// so the line still breaks there. A gap strictly inside a bucket (finite points on both sides
// within the same pixel column) is below pixel resolution and not kept.
//
// Output: per non-empty bucket at most 4 points (first, min, max, last, duplicates merged), in
// x order, plus the nearest point on each side outside [lower, upper] so that lines run to the
// frame. Size <= 4 * buckets + 2. The global minimum, maximum, first and last point inside the
// range are always present with their exact values.
MinMaxSample minMaxDownsample(const QVector<double>& x, const QVector<double>& y, const DownsampleGrid& grid);

// Points were appended to `x`/`y` (the first sample.inputCount are unchanged, the new ones
// are not before them): brings `sample` up to date by re-running only the last bucket and
// the buckets after it. The result equals minMaxDownsample(x, y, grid).
void extendMinMaxDownsample(const QVector<double>& x, const QVector<double>& y, const DownsampleGrid& grid,
                            MinMaxSample& sample);

}  // namespace vimoe::widgets
