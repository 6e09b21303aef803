#include "plot/curve_plot.h"

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "plot/plot_style.h"
#include "plot/qcp.h"

namespace vimoe::widgets {

CurvePlot::CurvePlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot);

  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  m_plot->setNoAntialiasingOnDrag(true);
  m_plot->legend->setVisible(true);
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  m_plot->xAxis->setLabel(tr("step"));
  m_plot->installEventFilter(this);
  applyPaletteToPlot(*m_plot, palette());

  m_replotTimer.setSingleShot(true);
  m_replotTimer.setInterval(kReplotDelayMs);
  connect(&m_replotTimer, &QTimer::timeout, this, &CurvePlot::replotNow);
}

CurvePlot::~CurvePlot() = default;

void CurvePlot::clear() {
  m_plot->clearGraphs();
  m_series.clear();
  m_graphs.clear();
  m_ema.clear();
  m_followData = true;
  scheduleReplot();
}

int CurvePlot::indexOf(qint64 id) const {
  for (std::size_t i = 0; i < m_series.size(); ++i)
    if (m_series[i].id == id) return static_cast<int>(i);
  return -1;
}

bool CurvePlot::hasSeries(qint64 id) const {
  return indexOf(id) >= 0;
}

void CurvePlot::addSeries(qint64 id, const QString& name) {
  if (hasSeries(id)) return;
  QCPGraph* graph = m_plot->addGraph();
  graph->setName(name);
  graph->setPen(QPen(seriesColor(seriesCount()), 2));
  graph->setAdaptiveSampling(true);
  m_series.push_back(Series{id, name, {}, {}});
  m_graphs.push_back(graph);
  m_ema.push_back({});
  scheduleReplot();
}

void CurvePlot::addDrawable(std::size_t index, int from) {
  const Series& series = m_series[index];
  Ema& ema = m_ema[index];
  QVector<double> keys, drawn;
  keys.reserve(series.steps.size() - from);
  drawn.reserve(series.steps.size() - from);
  for (int i = from; i < series.steps.size() && i < series.values.size(); ++i) {
    const double v = series.values[i];
    // A NaN or inf would make QCustomPlot's auto-range and line drawing meaningless.
    if (!std::isfinite(v) || !std::isfinite(series.steps[i]) || (m_logY && v <= 0)) continue;
    double shown = v;
    if (m_smoothing > 0) {
      ema.sum = m_smoothing * ema.sum + (1 - m_smoothing) * v;
      ++ema.count;
      shown = ema.sum / (1 - std::pow(m_smoothing, ema.count));  // debiased: the start is not pulled to 0
    }
    keys << series.steps[i];
    drawn << shown;
  }
  m_graphs[index]->addData(keys, drawn, true);
}

void CurvePlot::setSeriesPoints(qint64 id, const QVector<double>& steps, const QVector<double>& values) {
  const int index = indexOf(id);
  if (index < 0) return;
  Series& series = m_series[static_cast<std::size_t>(index)];
  series.steps = steps;
  series.values = values;
  const auto i = static_cast<std::size_t>(index);
  m_graphs[i]->data()->clear();
  m_ema[i] = {};
  addDrawable(i, 0);
  scheduleReplot();
}

void CurvePlot::appendPoints(qint64 id, const QVector<double>& steps, const QVector<double>& values) {
  const int index = indexOf(id);
  if (index < 0 || steps.isEmpty()) return;
  Series& series = m_series[static_cast<std::size_t>(index)];
  const int from = static_cast<int>(series.steps.size());
  series.steps += steps;
  series.values += values;
  addDrawable(static_cast<std::size_t>(index), from);
  scheduleReplot();
}

int CurvePlot::drawnPointCount(qint64 id) const {
  const int index = indexOf(id);
  return index < 0 ? 0 : m_graphs[static_cast<std::size_t>(index)]->dataCount();
}

void CurvePlot::setAxisLabels(const QString& xLabel, const QString& yLabel) {
  m_plot->xAxis->setLabel(xLabel);
  m_plot->yAxis->setLabel(yLabel);
  scheduleReplot();
}

void CurvePlot::setLogY(bool logY) {
  if (logY == m_logY) return;
  m_logY = logY;
  m_plot->yAxis->setScaleType(logY ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (logY)
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  else
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  rebuildGraphs();  // which points are drawable depends on the scale
  m_followData = true;
  scheduleReplot();
}

void CurvePlot::setSmoothing(double weight) {
  weight = std::clamp(std::isfinite(weight) ? weight : 0.0, 0.0, 0.999);
  if (weight == m_smoothing) return;
  m_smoothing = weight;
  rebuildGraphs();
  scheduleReplot();
}

void CurvePlot::rebuildGraphs() {
  for (std::size_t i = 0; i < m_series.size(); ++i) {
    m_graphs[i]->data()->clear();
    m_ema[i] = {};
    addDrawable(i, 0);
  }
}

void CurvePlot::scheduleReplot() {
  if (!m_replotTimer.isActive()) m_replotTimer.start();
}

void CurvePlot::replotNow() {
  m_replotTimer.stop();
  bool anyData = false;
  for (const QCPGraph* graph : m_graphs) anyData = anyData || graph->dataCount() > 0;
  if (m_followData && anyData) {
    m_plot->rescaleAxes();
    // A little headroom so the last point is not glued to the frame.
    m_plot->yAxis->scaleRange(1.05, m_plot->yAxis->range().center());
  }
  m_plot->legend->setVisible(!m_graphs.empty());
  m_plot->replot();
}

void CurvePlot::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) {
    applyPaletteToPlot(*m_plot, palette());
    scheduleReplot();
  }
  QWidget::changeEvent(event);
}

bool CurvePlot::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_plot) {
    // Once the user moves the view, new data must not yank it back; a double-click follows again.
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::Wheel) {
      m_followData = false;
    } else if (event->type() == QEvent::MouseButtonDblClick) {
      m_followData = true;
      scheduleReplot();
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace vimoe::widgets
