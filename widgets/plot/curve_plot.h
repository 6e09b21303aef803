// CurvePlot: the QCustomPlot adapter for step curves (one graph per series, e.g. per run).
// Panels talk to this class only, so the plotting library stays behind one file pair.
//
// - NaN-safe: non-finite values are kept in the raw series (CSV export shows them) but never
//   reach the graph; on a log axis non-positive values (log y) or steps (log x) are skipped too.
// - Optional smoothing: a debiased exponential moving average (TensorBoard's), applied to the
//   drawn points only; the raw curve stays visible underneath, faded, in the same colour.
// - Long runs: a series with more drawable points than ~2 per pixel column is drawn from a
//   min/max-preserving sample of the visible range (minmax_downsample.h), recomputed when the
//   range, the width or the data change, so a million steps redraw in milliseconds and no
//   spike is lost.
// - Coalesced redraws: data calls only mark the plot dirty; a 40 ms single-shot timer redraws,
//   so a burst of updates costs one replot (PlotJuggler's rule, at most ~25 redraws a second).
// - The view follows the data until the user drags or zooms; a double-click follows again.
#pragma once

#include <QString>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <vector>

#include "plot/minmax_downsample.h"

class QCustomPlot;
class QCPAxis;
class QCPGraph;

namespace vimoe::widgets {

class CurvePlot : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kReplotDelayMs = 40;
  // A series is sampled once it has more drawable points than this many per pixel column.
  static constexpr int kSampleAbovePointsPerPixel = 2;
  // The faded raw curve under a smoothed one (TensorBoard's look).
  static constexpr int kRawCurveAlpha = 64;
  // The fill of a band (mean -/+ std over seeds).
  static constexpr int kBandAlpha = 48;

  struct Series {
    qint64 id = 0;
    QString name;
    QVector<double> steps;   // raw, as received
    QVector<double> values;  // raw, NaN/inf included
    // A shaded band under the line (e.g. mean -/+ std over seeds); empty: none.
    QVector<double> bandSteps, bandLower, bandUpper;
  };

  explicit CurvePlot(QWidget* parent = nullptr);
  ~CurvePlot() override;

  void clear();
  // Adds an empty series (no-op when `id` exists). Colours follow the order of addition.
  void addSeries(qint64 id, const QString& name);
  bool hasSeries(qint64 id) const;
  void setSeriesPoints(qint64 id, const QVector<double>& steps, const QVector<double>& values);
  // Steps must be increasing and after the series' last step (new rows of a live run).
  void appendPoints(qint64 id, const QVector<double>& steps, const QVector<double>& values);
  // A band from `lower` to `upper` in the series' colour, faded, under every line. Drawn as
  // given (not smoothed or sampled: a band summarises a few runs of one length); points a log
  // axis cannot show are skipped, as for lines.
  void setSeriesBand(qint64 id, const QVector<double>& steps, const QVector<double>& lower, const QVector<double>& upper);

  void setAxisLabels(const QString& xLabel, const QString& yLabel);
  void setLogY(bool logY);
  bool logY() const { return m_logY; }
  void setLogX(bool logX);
  bool logX() const { return m_logX; }
  // 0 = raw; 0.9 = each drawn point is 90% the previous average. Clamped to [0, 0.999].
  void setSmoothing(double weight);
  double smoothing() const { return m_smoothing; }
  // On by default. Off hands every drawable point to QCustomPlot (for comparisons and benchmarks).
  void setDownsampling(bool enabled);
  bool downsampling() const { return m_downsampling; }

  int seriesCount() const { return static_cast<int>(m_series.size()); }
  // Drawable points of a series: finite, and > 0 on log y, step > 0 on log x. Counted before
  // downsampling, so it does not depend on the plot's width.
  int drawnPointCount(qint64 id) const;
  // Points the series' graph holds now: drawnPointCount, or fewer while it is sampled.
  int graphPointCount(qint64 id) const;
  QCPGraph* graph(qint64 id) const;     // the series' line (smoothed when smoothing is on); nullptr if absent
  QCPGraph* rawGraph(qint64 id) const;  // the faded raw line under it; nullptr when smoothing is off
  QCPGraph* bandUpperGraph(qint64 id) const;  // the band's upper edge, filled down to its lower one; nullptr without a band
  const std::vector<Series>& series() const { return m_series; }
  QCustomPlot* customPlot() const { return m_plot; }

  bool replotPending() const { return m_replotTimer.isActive(); }
  void replotNow();

 protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  // What is drawn for one series (parallel to m_series).
  struct Track {
    QCPGraph* graph = nullptr;
    QCPGraph* rawGraph = nullptr;  // smoothing on only
    QCPGraph* bandLower = nullptr;  // with a band only
    QCPGraph* bandUpper = nullptr;
    QVector<double> keys;          // drawable steps
    QVector<double> shown;         // the values drawn at `keys` (smoothed or raw)
    QVector<double> raw;           // raw values at `keys`, smoothing on only
    double emaSum = 0;             // biased average
    double emaDecay = 1;           // weight^(points averaged), for the debiasing
    MinMaxSample shownSample;
    MinMaxSample rawSample;
    bool sampled = false;  // the graphs hold the samples, not keys/shown/raw
    bool stale = false;    // the graphs lack points that keys/shown/raw have
  };

  int indexOf(qint64 id) const;  // -1 when absent
  // Adds the drawable points of series `index` from raw position `from`; returns the number of
  // drawable points before them.
  int addDrawable(std::size_t index, int from);
  void resetDrawable(std::size_t index);
  // Brings the graphs up to date after drawable points from `firstNew` on changed (0: all).
  void updateGraphsAfterData(std::size_t index, int firstNew);
  void setGraphsToAllPoints(Track& track);
  void syncTrack(Track& track, const DownsampleGrid& grid);
  void syncAllTracks();  // for the axes' current range and width (QCustomPlot::afterLayout)
  DownsampleGrid gridFor(double lower, double upper) const;
  int pixelColumns() const;
  void addRawGraph(std::size_t index);
  void removeRawGraphs();
  void drawBand(std::size_t index);
  void setLogScale(QCPAxis* axis, bool log);
  void rebuildGraphs();
  void scheduleReplot();

  QCustomPlot* m_plot;
  std::vector<Series> m_series;
  std::vector<Track> m_tracks;  // parallel to m_series
  QTimer m_replotTimer;
  bool m_logY = false;
  bool m_logX = false;
  double m_smoothing = 0;
  bool m_downsampling = true;
  bool m_followData = true;
};

}  // namespace vimoe::widgets
