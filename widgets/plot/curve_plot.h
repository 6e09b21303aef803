// CurvePlot: the QCustomPlot adapter for step curves (one graph per series, e.g. per run).
// Panels talk to this class only, so the plotting library stays behind one file pair.
//
// - NaN-safe: non-finite values are kept in the raw series (CSV export shows them) but never
//   reach the graph; on a log axis non-positive values are skipped too.
// - Optional smoothing: a debiased exponential moving average (TensorBoard's), applied to the
//   drawn points only; the raw series is unchanged.
// - Coalesced redraws: data calls only mark the plot dirty; a 40 ms single-shot timer redraws,
//   so a burst of updates costs one replot (PlotJuggler's rule, at most ~25 redraws a second).
// - The view follows the data until the user drags or zooms; a double-click follows again.
#pragma once

#include <QString>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;

namespace vimoe::widgets {

class CurvePlot : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kReplotDelayMs = 40;

  struct Series {
    qint64 id = 0;
    QString name;
    QVector<double> steps;   // raw, as received
    QVector<double> values;  // raw, NaN/inf included
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

  void setAxisLabels(const QString& xLabel, const QString& yLabel);
  void setLogY(bool logY);
  bool logY() const { return m_logY; }
  // 0 = raw; 0.9 = each drawn point is 90% the previous average. Clamped to [0, 0.999].
  void setSmoothing(double weight);
  double smoothing() const { return m_smoothing; }

  int seriesCount() const { return static_cast<int>(m_series.size()); }
  int drawnPointCount(qint64 id) const;  // points the graph holds (finite, and > 0 on log y)
  const std::vector<Series>& series() const { return m_series; }
  QCustomPlot* customPlot() const { return m_plot; }

  bool replotPending() const { return m_replotTimer.isActive(); }
  void replotNow();

 protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  int indexOf(qint64 id) const;  // -1 when absent
  struct Ema {
    double sum = 0;  // biased average
    int count = 0;
  };
  // Adds the drawable points of series `index` from raw position `from` to its graph.
  void addDrawable(std::size_t index, int from);
  void rebuildGraphs();
  void scheduleReplot();

  QCustomPlot* m_plot;
  std::vector<Series> m_series;
  std::vector<QCPGraph*> m_graphs;  // parallel to m_series
  std::vector<Ema> m_ema;           // parallel to m_series
  QTimer m_replotTimer;
  bool m_logY = false;
  double m_smoothing = 0;
  bool m_followData = true;
};

}  // namespace vimoe::widgets
