// HeatmapPlot: the QCustomPlot adapter for a grid of cells (QCPColorMap) with a colour scale.
// Columns are steps (x), rows are labelled categories (y, e.g. experts). A NaN cell is drawn in
// the "marked" colour, outside the gradient, so flagged cells (dead experts) stand out at once.
// Redraws are coalesced like CurvePlot's.
#pragma once

#include <QColor>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;

namespace vimoe::widgets {

class HeatmapPlot : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kReplotDelayMs = 40;

  explicit HeatmapPlot(QWidget* parent = nullptr);
  ~HeatmapPlot() override;

  // values: rowLabels.size() x columnKeys.size(), row-major; NaN = marked cell.
  // Column keys should be evenly spaced (a colour map is a regular grid).
  void setCells(const QVector<double>& columnKeys, const QStringList& rowLabels, const QVector<double>& values,
                double maxValue);
  void clear();
  void setAxisLabels(const QString& xLabel, const QString& yLabel);
  void setColorScaleLabel(const QString& label);
  void setMarkedColor(const QColor& color);
  QColor markedColor() const { return m_markedColor; }

  int columnCount() const;
  int rowCount() const;
  QCustomPlot* customPlot() const { return m_plot; }
  void replotNow();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void applyPalette();
  void scheduleReplot();

  QCustomPlot* m_plot;
  QCPColorMap* m_map;
  QCPColorScale* m_scale;
  QColor m_markedColor{228, 26, 28};
  QTimer m_replotTimer;
};

}  // namespace vimoe::widgets
