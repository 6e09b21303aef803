#include "plot/heatmap_plot.h"

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "plot/plot_style.h"
#include "plot/qcp.h"

namespace vimoe::widgets {
namespace {

// Viridis stops: perceptually uniform and readable in grey, so "low" never looks like "dead".
QCPColorGradient viridis(const QColor& nanColor) {
  QCPColorGradient gradient;
  gradient.clearColorStops();
  gradient.setColorStopAt(0.00, QColor(68, 1, 84));
  gradient.setColorStopAt(0.25, QColor(59, 82, 139));
  gradient.setColorStopAt(0.50, QColor(33, 145, 140));
  gradient.setColorStopAt(0.75, QColor(94, 201, 98));
  gradient.setColorStopAt(1.00, QColor(253, 231, 37));
  gradient.setNanHandling(QCPColorGradient::nhNanColor);
  gradient.setNanColor(nanColor);
  return gradient;
}

// A regular grid needs a non-empty range even for a single column or row.
QCPRange cellRange(double first, double last) {
  return first < last ? QCPRange(first, last) : QCPRange(first - 0.5, first + 0.5);
}

}  // namespace

HeatmapPlot::HeatmapPlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot);

  m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
  m_map->setInterpolate(false);  // one flat cell per expert and snapshot, no blur
  m_map->setTightBoundary(false);
  m_scale = new QCPColorScale(m_plot);
  m_plot->plotLayout()->addElement(0, 1, m_scale);
  m_scale->setType(QCPAxis::atRight);
  m_map->setColorScale(m_scale);
  m_map->setGradient(viridis(m_markedColor));
  // Keep the colour bar as tall as the plot area.
  auto* margins = new QCPMarginGroup(m_plot);
  m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
  m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
  m_plot->xAxis->setLabel(tr("step"));
  applyPalette();

  m_replotTimer.setSingleShot(true);
  m_replotTimer.setInterval(kReplotDelayMs);
  connect(&m_replotTimer, &QTimer::timeout, this, &HeatmapPlot::replotNow);
}

HeatmapPlot::~HeatmapPlot() = default;

void HeatmapPlot::setCells(const QVector<double>& columnKeys, const QStringList& rowLabels,
                           const QVector<double>& values, double maxValue) {
  const int nx = static_cast<int>(columnKeys.size());
  const int ny = static_cast<int>(rowLabels.size());
  if (nx == 0 || ny == 0 || values.size() < qsizetype(nx) * ny) return clear();
  m_map->data()->setSize(nx, ny);
  m_map->data()->setRange(cellRange(columnKeys.front(), columnKeys.back()), cellRange(0, ny - 1));
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x) m_map->data()->setCell(x, y, values[y * nx + x]);
  m_map->setDataRange(QCPRange(0, std::max(maxValue, 1e-9)));

  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (int y = 0; y < ny; ++y) ticker->addTick(y, rowLabels[y]);
  m_plot->yAxis->setTicker(ticker);
  // Whole cells on screen: cell centres sit on the keys, so the axes reach half a cell further.
  const QCPRange keys = cellRange(columnKeys.front(), columnKeys.back());
  const double halfCell = nx > 1 ? keys.size() / (2.0 * (nx - 1)) : 0.0;
  m_plot->xAxis->setRange(keys.lower - halfCell, keys.upper + halfCell);
  m_plot->yAxis->setRange(-0.5, ny - 0.5);
  scheduleReplot();
}

void HeatmapPlot::clear() {
  m_map->data()->clear();
  m_map->data()->setSize(0, 0);
  scheduleReplot();
}

int HeatmapPlot::columnCount() const {
  return m_map->data()->keySize();
}

int HeatmapPlot::rowCount() const {
  return m_map->data()->valueSize();
}

void HeatmapPlot::setAxisLabels(const QString& xLabel, const QString& yLabel) {
  m_plot->xAxis->setLabel(xLabel);
  m_plot->yAxis->setLabel(yLabel);
  scheduleReplot();
}

void HeatmapPlot::setColorScaleLabel(const QString& label) {
  m_scale->axis()->setLabel(label);
  scheduleReplot();
}

void HeatmapPlot::setMarkedColor(const QColor& color) {
  m_markedColor = color;
  m_map->setGradient(viridis(color));
  scheduleReplot();
}

void HeatmapPlot::applyPalette() {
  applyPaletteToPlot(*m_plot, palette());
  styleAxis(m_scale->axis(), palette().color(QPalette::Text), palette().color(QPalette::Mid));
  m_scale->axis()->grid()->setVisible(false);
}

void HeatmapPlot::scheduleReplot() {
  if (!m_replotTimer.isActive()) m_replotTimer.start();
}

void HeatmapPlot::replotNow() {
  m_replotTimer.stop();
  m_plot->replot();
}

void HeatmapPlot::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) {
    applyPalette();
    scheduleReplot();
  }
  QWidget::changeEvent(event);
}

}  // namespace vimoe::widgets
