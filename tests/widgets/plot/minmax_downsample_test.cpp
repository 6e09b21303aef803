// Min/max downsampling on exact values: extremes and ends survive, per-bucket output is bounded,
// gaps stay gaps, log grids bucket in log space, and extending after an append equals a full
// recompute.
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "plot/minmax_downsample.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Deterministic noise in [-1, 1).
QVector<double> noise(int count, std::uint32_t seed) {
  QVector<double> values;
  values.reserve(count);
  for (int i = 0; i < count; ++i) {
    seed = seed * 1664525u + 1013904223u;
    values << (seed >> 8) / double(1 << 23) - 1.0;
  }
  return values;
}

QVector<double> range(int count, double start = 0) {
  QVector<double> xs(count);
  for (int i = 0; i < count; ++i) xs[i] = start + i;
  return xs;
}

bool sameValues(const QVector<double>& a, const QVector<double>& b) {
  if (a.size() != b.size()) return false;
  for (int i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

bool isNonDecreasing(const QVector<double>& xs) {
  return std::is_sorted(xs.begin(), xs.end());
}

class MinMaxDownsampleTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void keepsFirstMinMaxLastOfEachBucket() {
    // Buckets [0, 3.5) and [3.5, 7]; a tie for the minimum keeps its first point.
    const MinMaxSample s = minMaxDownsample(range(8), {1, 5, 2, 0, 3, 3, 9, 4}, {0, 7, 2, false});
    QCOMPARE(s.x, (QVector<double>{0, 1, 3, 4, 6, 7}));
    QCOMPARE(s.y, (QVector<double>{1, 5, 0, 3, 9, 4}));
    QVERIFY(!s.hasRightNeighbour);
  }

  void keepsTheGlobalExtremesAndTheEndsOfALongSeries() {
    const int count = 100000;
    QVector<double> y = noise(count, 7);
    y[43210] = 100.0;  // a loss spike
    y[777] = -50.0;
    const MinMaxSample s = minMaxDownsample(range(count), y, {0, count - 1.0, 250, false});
    QVERIFY(s.x.size() <= 4 * 250);
    QVERIFY(s.x.size() >= 2 * 250);  // every bucket has points: at least its first and last
    QVERIFY(isNonDecreasing(s.x));
    QCOMPARE(s.x.front(), 0.0);
    QCOMPARE(s.y.front(), y.front());
    QCOMPARE(s.x.back(), count - 1.0);
    QCOMPARE(s.y.back(), y.back());
    QCOMPARE(*std::max_element(s.y.begin(), s.y.end()), 100.0);
    QCOMPARE(*std::min_element(s.y.begin(), s.y.end()), -50.0);
    QCOMPARE(s.x[s.y.indexOf(100.0)], 43210.0);
    QCOMPARE(s.x[s.y.indexOf(-50.0)], 777.0);
  }

  void aPartialRangeAddsOneNeighbourEachSide() {
    // Buckets [10.5, 15.5) and [15.5, 20.5]; 10 and 21 let the line run to the frame.
    QVector<double> xs = range(100);
    const MinMaxSample s = minMaxDownsample(xs, xs, {10.5, 20.5, 2, false});
    QCOMPARE(s.x, (QVector<double>{10, 11, 15, 16, 20, 21}));
    QCOMPARE(s.y, s.x);
    QVERIFY(s.hasRightNeighbour);

    const MinMaxSample noisy = minMaxDownsample(range(100000), noise(100000, 3), {2000.5, 90000.5, 100, false});
    QVERIFY(noisy.x.size() <= 4 * 100 + 2);
    QCOMPARE(noisy.x.front(), 2000.0);
    QCOMPARE(noisy.x.back(), 90001.0);
    QVERIFY(isNonDecreasing(noisy.x));
  }

  void fewPointsPassThrough() {
    const MinMaxSample s = minMaxDownsample({1, 2, 3}, {0.5, -1, 2}, {1, 3, 10, false});
    QCOMPARE(s.x, (QVector<double>{1, 2, 3}));
    QCOMPARE(s.y, (QVector<double>{0.5, -1, 2}));
  }

  void aNaNGapStaysAGap() {
    // 10 buckets of 100 points; NaN at 400..449 opens bucket 4.
    QVector<double> y = noise(1000, 11);
    for (int i = 400; i < 450; ++i) y[i] = kNaN;
    MinMaxSample s = minMaxDownsample(range(1000), y, {0, 999, 10, false});
    int gaps = 0, at = -1;
    for (int i = 0; i < s.y.size(); ++i)
      if (std::isnan(s.y[i])) ++gaps, at = i;
    QCOMPARE(gaps, 1);
    QCOMPARE(s.x[at], 400.0);
    QCOMPARE(s.x[at - 1], 399.0);   // bucket 3's last point, then the gap,
    QVERIFY(s.x[at + 1] >= 450.0);  // then bucket 4's first finite points
    QVERIFY(std::isfinite(s.y[at + 1]));
    QVERIFY(s.x.size() <= 4 * 10);

    // A run across a bucket edge (390..409) is one NaN between 389 and the next finite point.
    y = noise(1000, 11);
    for (int i = 390; i < 410; ++i) y[i] = kNaN;
    s = minMaxDownsample(range(1000), y, {0, 999, 10, false});
    gaps = 0;
    for (int i = 0; i < s.y.size(); ++i)
      if (std::isnan(s.y[i])) ++gaps, at = i;
    QCOMPARE(gaps, 1);
    QVERIFY(s.x[at - 1] <= 389.0);
    QVERIFY(s.x[at + 1] >= 410.0);
    QVERIFY(isNonDecreasing(s.x));

    // Infinities are gaps too, never an extreme.
    s = minMaxDownsample({0, 1, 2, 3}, {std::numeric_limits<double>::infinity(), 1, 2, 3}, {0, 3, 1, false});
    QCOMPARE(s.x, (QVector<double>{0, 1, 3}));
    QVERIFY(std::isnan(s.y[0]));
    QCOMPARE(s.y[2], 3.0);
  }

  void aLogGridBucketsPerDecade() {
    // Columns [1, 10), [10, 100), [100, 1000] in log space; y = x is monotone, so each bucket
    // keeps its first (= min) and last (= max) point.
    const QVector<double> xs = range(999, 1.5);
    const MinMaxSample s = minMaxDownsample(xs, xs, {1, 1000, 3, true});
    QCOMPARE(s.x, (QVector<double>{1.5, 9.5, 10.5, 99.5, 100.5, 999.5}));
    QCOMPARE(s.y, s.x);
  }

  void aSingleStepRangeIsOneColumn() {
    const MinMaxSample s = minMaxDownsample({5, 5, 5, 5, 5}, {2, 1, 4, 3, 2}, {5, 5, 800, false});
    QCOMPARE(s.x, (QVector<double>{5, 5, 5, 5}));
    QCOMPARE(s.y, (QVector<double>{2, 1, 4, 2}));
  }

  void extendingAfterAppendsEqualsAFullRecompute() {
    const int count = 10000;
    const QVector<double> allX = range(count);
    QVector<double> allY = noise(count, 5);
    for (int i = 5000; i < 5100; ++i) allY[i] = kNaN;
    for (const DownsampleGrid grid : {DownsampleGrid{0, 20000, 50, false}, DownsampleGrid{0, 6000.5, 37, false},
                                      DownsampleGrid{1, 30000, 64, true}}) {
      QVector<double> x = allX.mid(0, 3000), y = allY.mid(0, 3000);
      MinMaxSample s = minMaxDownsample(x, y, grid);
      for (int from = 3000; from < count; from += 777) {
        x += allX.mid(from, 777);
        y += allY.mid(from, 777);
        extendMinMaxDownsample(x, y, grid, s);
        const MinMaxSample full = minMaxDownsample(x, y, grid);
        QVERIFY2(sameValues(s.x, full.x) && sameValues(s.y, full.y), qPrintable(QString::number(from)));
        QCOMPARE(s.inputCount, static_cast<int>(x.size()));
      }
    }
    // A new grid (zoom, resize) is a full recompute, not an extension.
    MinMaxSample s = minMaxDownsample(allX, allY, {0, 9999, 100, false});
    extendMinMaxDownsample(allX, allY, {0, 4999, 100, false}, s);
    QCOMPARE(s.x.back(), 5000.0);
    QVERIFY(s.hasRightNeighbour);
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeMinMaxDownsampleTest() {
  return std::make_unique<vimoe::widgets::MinMaxDownsampleTest>();
}

#include "minmax_downsample_test.moc"
