#include "plot/bar_chart.h"

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>

#include "plot/plot_style.h"
#include "plot/qcp.h"

namespace vimoe::widgets {

BarChart::BarChart(const QString& title, QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot);
  m_plot->plotLayout()->insertRow(0);
  m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, title, QFont(font().family(), font().pointSize(), QFont::Bold)));
  m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
  m_bars->setWidth(0.7);
  applyPalette();
}

void BarChart::setBars(const QStringList& labels, const QVector<double>& values, const QString& valueLabel) {
  m_labels = labels;
  m_values = values;
  QVector<double> keys(values.size());
  for (int i = 0; i < keys.size(); ++i) keys[i] = i + 1;
  m_bars->setData(keys, values, true);
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  // Long label lists (a caption-length histogram) keep every fifth label readable.
  const int every = labels.size() > 24 ? 5 : 1;
  for (int i = 0; i < labels.size(); ++i)
    if (i % every == 0) ticker->addTick(i + 1, labels[i]);
  m_plot->xAxis->setTicker(ticker);
  m_plot->xAxis->setTickLabelRotation(labels.size() > 6 && every == 1 ? 40 : 0);
  m_plot->xAxis->setRange(0.3, values.size() + 0.7);
  const double top = values.isEmpty() ? 1.0 : *std::max_element(values.begin(), values.end());
  m_plot->yAxis->setRange(0, top > 0 ? top * 1.1 : 1.0);
  m_plot->yAxis->setLabel(valueLabel);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BarChart::clear() { setBars({}, {}, QString()); }

void BarChart::applyPalette() {
  applyPaletteToPlot(*m_plot, palette());
  const QColor color = seriesColor(0);
  m_bars->setPen(QPen(color.darker(120)));
  m_bars->setBrush(color);
  if (auto* title = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0)))
    title->setTextColor(palette().color(QPalette::WindowText));
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BarChart::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) applyPalette();
}

}  // namespace vimoe::widgets
