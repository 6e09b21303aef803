#include "compress/compress_plots.h"

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "plot/plot_style.h"
#include "plot/qcp.h"

namespace vimoe::widgets {
namespace {

QCPScatterStyle::ScatterShape planShape(const QString& plan) {
  if (plan == QStringLiteral("dense")) return QCPScatterStyle::ssSquare;
  if (plan == QStringLiteral("uniform")) return QCPScatterStyle::ssTriangle;
  if (plan == QStringLiteral("energy")) return QCPScatterStyle::ssDiamond;
  if (plan == QStringLiteral("asvd")) return QCPScatterStyle::ssTriangleInverted;
  return QCPScatterStyle::ssStar;  // the agent's plan
}

}  // namespace

QColor methodColor(const QString& method) {
  if (method == QStringLiteral("dense")) return QColor(150, 150, 150);
  if (method == QStringLiteral("svd")) return seriesColor(0);
  if (method == QStringLiteral("rsvd")) return seriesColor(5);
  if (method == QStringLiteral("asvd")) return seriesColor(2);
  if (method == QStringLiteral("cur")) return seriesColor(1);
  if (method == QStringLiteral("nmf")) return seriesColor(3);
  return seriesColor(4);
}

RankBarsChart::RankBarsChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot);
  m_plot->legend->setVisible(true);
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  m_plot->yAxis->setLabel(tr("kept rank / full rank"));
  m_plot->yAxis->setRange(0, 1.12);
  applyPaletteToPlot(*m_plot, palette());
}

QVector<double> RankBarsChart::values() const {
  QVector<double> v;
  for (const auto& b : m_bars) v << b.share;
  return v;
}
QStringList RankBarsChart::labels() const {
  QStringList l;
  for (const auto& b : m_bars) l << b.layer;
  return l;
}
QStringList RankBarsChart::methods() const {
  QStringList m;
  for (const auto& b : m_bars) m << b.method;
  return m;
}
QStringList RankBarsChart::legendMethods() const {
  QStringList m;
  for (const auto& b : m_bars)
    if (!m.contains(b.method)) m << b.method;
  return m;
}

void RankBarsChart::setBars(const QVector<RankBar>& bars) {
  m_bars = bars;
  rebuild();
}

void RankBarsChart::rebuild() {
  m_plot->clearPlottables();
  const QStringList methodList = legendMethods();
  for (const QString& method : methodList) {
    auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setName(method);
    bars->setWidth(0.75);
    const QColor color = methodColor(method);
    bars->setPen(QPen(color.darker(125)));
    bars->setBrush(color);
    QVector<double> keys, values;
    for (int i = 0; i < m_bars.size(); ++i)
      if (m_bars[i].method == method) {
        keys << i + 1;
        values << m_bars[i].share;
      }
    bars->setData(keys, values, true);
  }
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  const int every = m_bars.size() > 40 ? 2 : 1;
  for (int i = 0; i < m_bars.size(); i += every) ticker->addTick(i + 1, m_bars[i].layer);
  m_plot->xAxis->setTicker(ticker);
  m_plot->xAxis->setTickLabelRotation(m_bars.size() > 4 ? 60 : 0);
  m_plot->xAxis->setRange(0.3, m_bars.size() + 0.7);
  m_plot->legend->setVisible(!methodList.isEmpty());
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RankBarsChart::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) {
    applyPaletteToPlot(*m_plot, palette());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
  }
}

ParetoPlot::ParetoPlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot);
  m_plot->legend->setVisible(true);
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  m_plot->xAxis->setLabel(tr("size ratio (kept / dense parameters)"));
  m_plot->yAxis->setLabel(tr("ranking metric"));
  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  applyPaletteToPlot(*m_plot, palette());
}

void ParetoPlot::setPoints(const QVector<ParetoPoint>& points, const QString& writtenPlan) {
  m_points = points;
  m_written = writtenPlan;
  rebuild();
}

int ParetoPlot::episodePointCount() const {
  return static_cast<int>(std::count_if(m_points.begin(), m_points.end(),
                                        [](const ParetoPoint& p) { return p.source == QStringLiteral("episode"); }));
}
int ParetoPlot::frontPointCount() const {
  return static_cast<int>(paretoFront(m_points).size());
}
QStringList ParetoPlot::planMarkers() const {
  return m_markers;
}

QCPGraph* ParetoPlot::planGraph(const QString& plan) const {
  for (int i = 0; i < m_plot->graphCount(); ++i)
    if (m_plot->graph(i)->property("plan").toString() == plan) return m_plot->graph(i);
  return nullptr;
}

void ParetoPlot::rebuild() {
  m_plot->clearGraphs();
  m_plot->clearItems();
  m_markers.clear();
  const QColor text = palette().color(QPalette::Text);
  QVector<double> ex, ey;
  for (const auto& p : m_points)
    if (p.source == QStringLiteral("episode") && std::isfinite(p.sizeRatio) && std::isfinite(p.metric)) {
      ex << p.sizeRatio;
      ey << p.metric;
    }
  if (!ex.isEmpty()) {
    QCPGraph* episodes = m_plot->addGraph();
    episodes->setName(tr("episodes"));
    episodes->setLineStyle(QCPGraph::lsNone);
    episodes->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(140, 140, 140, 150), 4));
    episodes->setData(ex, ey, false);
  }
  const QVector<ParetoPoint> front = paretoFront(m_points);
  if (front.size() > 1) {
    QCPGraph* line = m_plot->addGraph();
    line->setName(tr("Pareto front"));
    line->setPen(QPen(text, 1.5, Qt::DashLine));
    QVector<double> fx, fy;
    for (const auto& p : front) {
      fx << p.sizeRatio;
      fy << p.metric;
    }
    line->setData(fx, fy, true);
  }
  int colorIndex = 0;
  for (const auto& p : m_points) {
    if (p.source == QStringLiteral("episode") || !std::isfinite(p.sizeRatio) || !std::isfinite(p.metric)) continue;
    const QString label = p.source == m_written ? tr("%1 (written)").arg(p.source) : p.source;
    const QColor color = p.source == QStringLiteral("dense") ? text : seriesColor(colorIndex++);
    QCPGraph* marker = m_plot->addGraph();
    marker->setProperty("plan", p.source);
    marker->setName(label);
    marker->setLineStyle(QCPGraph::lsNone);
    const double size = p.source == m_written ? 16 : 11;
    marker->setScatterStyle(QCPScatterStyle(planShape(p.source), QPen(color, 2), QBrush(color.lighter(130)), size));
    marker->setData({p.sizeRatio}, {p.metric});
    auto* tag = new QCPItemText(m_plot);
    tag->position->setCoords(p.sizeRatio, p.metric);
    tag->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    tag->setPadding(QMargins(8, 0, 0, 6));
    tag->setText(p.source);
    tag->setColor(color);
    m_markers << p.source;
  }
  m_plot->rescaleAxes();
  // Room around the points for the markers and their labels.
  auto pad = [](QCPAxis* axis, double fraction) {
    const QCPRange r = axis->range();
    const double span = r.size() > 0 ? r.size() : std::max(0.05, std::abs(r.center()) * 0.1);
    axis->setRange(r.lower - span * fraction, r.upper + span * fraction * 2);
  };
  pad(m_plot->xAxis, 0.08);
  pad(m_plot->yAxis, 0.1);
  m_plot->legend->setVisible(m_plot->graphCount() > 0);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ParetoPlot::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) {
    applyPaletteToPlot(*m_plot, palette());
    rebuild();
  }
}

}  // namespace vimoe::widgets
