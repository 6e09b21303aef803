// The QCustomPlot adapters of the Compression panel.
//
// RankBarsChart: one bar per factorisable matrix, its height the kept rank / full rank (1 for a
// matrix kept dense), coloured by factorisation method, with a legend of the methods.
//
// ParetoPlot: ranking metric against size ratio: every RL episode as a small grey dot, the
// Pareto front joined by a line, and each plan (dense, the baselines, the agent's) as its own
// labelled marker, so the baselines read apart from the episodes at a glance.
#pragma once

#include <QColor>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "compress/compress_data.h"

class QCustomPlot;
class QCPGraph;

namespace vimoe::widgets {

// The colour of a factorisation method, the same in every view of the panel.
QColor methodColor(const QString& method);

class RankBarsChart : public QWidget {
  Q_OBJECT

 public:
  explicit RankBarsChart(QWidget* parent = nullptr);

  void setBars(const QVector<RankBar>& bars);
  int barCount() const { return static_cast<int>(m_bars.size()); }
  QVector<double> values() const;
  QStringList labels() const;
  QStringList methods() const;  // per bar
  QStringList legendMethods() const;  // one legend entry per method drawn, in first-use order
  QCustomPlot* customPlot() const { return m_plot; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();

  QCustomPlot* m_plot;
  QVector<RankBar> m_bars;
};

class ParetoPlot : public QWidget {
  Q_OBJECT

 public:
  explicit ParetoPlot(QWidget* parent = nullptr);

  void setPoints(const QVector<ParetoPoint>& points, const QString& writtenPlan);
  int episodePointCount() const;
  int frontPointCount() const;
  QStringList planMarkers() const;  // the plans drawn as markers, in order
  QCPGraph* planGraph(const QString& plan) const;
  QCustomPlot* customPlot() const { return m_plot; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();

  QCustomPlot* m_plot;
  QVector<ParetoPoint> m_points;
  QString m_written;
  QStringList m_markers;
};

}  // namespace vimoe::widgets
