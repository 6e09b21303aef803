// BarChart: the QCustomPlot adapter for one labelled bar series (histograms and counts by
// category), vertical bars with text tick labels, following the widget palette like the
// other plots.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;

namespace vimoe::widgets {

class BarChart : public QWidget {
  Q_OBJECT

 public:
  explicit BarChart(const QString& title, QWidget* parent = nullptr);

  void setBars(const QStringList& labels, const QVector<double>& values, const QString& valueLabel);
  void clear();
  int barCount() const { return m_values.size(); }
  QVector<double> values() const { return m_values; }
  QStringList labels() const { return m_labels; }
  QCustomPlot* customPlot() const { return m_plot; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void applyPalette();

  QCustomPlot* m_plot;
  QCPBars* m_bars;
  QStringList m_labels;
  QVector<double> m_values;
};

}  // namespace vimoe::widgets
