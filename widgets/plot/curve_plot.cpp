#include "plot/curve_plot.h"

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "plot/plot_style.h"
#include "plot/qcp.h"

namespace vimoe::widgets {
namespace {

const QString kRawLayer = QStringLiteral("raw");
// Before QCustomPlot has laid the plot out its axis rect has no width; assume a usual one.
constexpr int kDefaultPixelColumns = 1000;

}  // namespace

CurvePlot::CurvePlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot);

  m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  m_plot->setNoAntialiasingOnDrag(true);
  // Lines as separate segments on screen: Qt's stroker joins a 2 px polyline of thousands of
  // points slowly (~85 ms for one sampled 1M-step curve, 3.5 ms this way, see
  // bench/curve_plot_bench.cpp). PDF, SVG and PNG exports keep the joined polyline.
  m_plot->setPlottingHint(QCP::phFastPolylines, true);
  m_plot->legend->setVisible(true);
  m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  m_plot->xAxis->setLabel(tr("step"));
  // Faded raw curves sit on their own layer below every smoothed one.
  m_plot->addLayer(kRawLayer, m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
  m_plot->installEventFilter(this);
  applyPaletteToPlot(*m_plot, palette());
  // Zoom, pan, resize and our own replots all lay the plot out before drawing: the one place
  // that knows the final range and width, so the samples are brought up to date there.
  connect(m_plot, &QCustomPlot::afterLayout, this, &CurvePlot::syncAllTracks);

  m_replotTimer.setSingleShot(true);
  m_replotTimer.setInterval(kReplotDelayMs);
  connect(&m_replotTimer, &QTimer::timeout, this, &CurvePlot::replotNow);
}

CurvePlot::~CurvePlot() = default;

void CurvePlot::clear() {
  m_plot->clearGraphs();
  m_series.clear();
  m_tracks.clear();
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
  m_tracks.push_back(Track{});
  m_tracks.back().graph = graph;
  if (m_smoothing > 0) addRawGraph(m_tracks.size() - 1);
  scheduleReplot();
}

void CurvePlot::addRawGraph(std::size_t index) {
  Track& track = m_tracks[index];
  if (track.rawGraph) return;
  QCPGraph* raw = m_plot->addGraph();
  raw->setLayer(kRawLayer);
  raw->setName(track.graph->name() + tr(" (raw)"));
  raw->removeFromLegend();
  QColor faded = track.graph->pen().color();
  faded.setAlpha(kRawCurveAlpha);
  raw->setPen(QPen(faded, 1));
  raw->setAdaptiveSampling(true);
  track.rawGraph = raw;
}

void CurvePlot::removeRawGraphs() {
  for (Track& track : m_tracks) {
    if (track.rawGraph) m_plot->removeGraph(track.rawGraph);
    track.rawGraph = nullptr;
    track.raw.clear();
    track.rawSample = {};
  }
}

void CurvePlot::setSeriesBand(qint64 id, const QVector<double>& steps, const QVector<double>& lower,
                              const QVector<double>& upper) {
  const int index = indexOf(id);
  if (index < 0) return;
  Series& series = m_series[static_cast<std::size_t>(index)];
  series.bandSteps = steps;
  series.bandLower = lower;
  series.bandUpper = upper;
  drawBand(static_cast<std::size_t>(index));
  scheduleReplot();
}

void CurvePlot::drawBand(std::size_t index) {
  const Series& series = m_series[index];
  Track& track = m_tracks[index];
  if (!track.bandLower) {
    QColor fill = track.graph->pen().color();
    fill.setAlpha(kBandAlpha);
    track.bandLower = m_plot->addGraph();
    track.bandUpper = m_plot->addGraph();
    for (QCPGraph* edge : {track.bandLower, track.bandUpper}) {
      edge->setLayer(kRawLayer);
      edge->removeFromLegend();
      edge->setPen(Qt::NoPen);
    }
    track.bandUpper->setBrush(fill);
    track.bandUpper->setChannelFillGraph(track.bandLower);
  }
  QVector<double> keys, low, high;
  const int n = static_cast<int>(std::min({series.bandSteps.size(), series.bandLower.size(), series.bandUpper.size()}));
  for (int i = 0; i < n; ++i) {
    const double step = series.bandSteps[i], a = series.bandLower[i], b = series.bandUpper[i];
    if (!std::isfinite(step) || !std::isfinite(a) || !std::isfinite(b) || (m_logX && step <= 0)) continue;
    if (m_logY && b <= 0) continue;
    keys << step;
    // On a log axis a band reaching below zero is cut at the upper edge's scale.
    low << (m_logY && a <= 0 ? b * 1e-3 : a);
    high << b;
  }
  track.bandLower->setData(keys, low, true);
  track.bandUpper->setData(keys, high, true);
}

void CurvePlot::resetDrawable(std::size_t index) {
  Track& track = m_tracks[index];
  track.keys.clear();
  track.shown.clear();
  track.raw.clear();
  track.emaSum = 0;
  track.emaDecay = 1;
  track.shownSample = {};
  track.rawSample = {};
}

int CurvePlot::addDrawable(std::size_t index, int from) {
  const Series& series = m_series[index];
  Track& track = m_tracks[index];
  const int before = static_cast<int>(track.keys.size());
  const int end = static_cast<int>(std::min(series.steps.size(), series.values.size()));
  const bool keepRaw = m_smoothing > 0;
  if (before == 0) {  // a whole curve; appends rely on the vectors' geometric growth instead
    track.keys.reserve(end - from);
    track.shown.reserve(end - from);
    if (keepRaw) track.raw.reserve(end - from);
  }
  for (int i = from; i < end; ++i) {
    const double step = series.steps[i];
    const double v = series.values[i];
    // A NaN or inf would make QCustomPlot's auto-range and line drawing meaningless.
    if (!std::isfinite(v) || !std::isfinite(step) || (m_logY && v <= 0) || (m_logX && step <= 0)) continue;
    double shown = v;
    if (keepRaw) {
      track.emaSum = m_smoothing * track.emaSum + (1 - m_smoothing) * v;
      track.emaDecay *= m_smoothing;                // weight^count, without a pow() per point
      shown = track.emaSum / (1 - track.emaDecay);  // debiased: the start is not pulled to 0
      track.raw.append(v);
    }
    track.keys.append(step);
    track.shown.append(shown);
  }
  return before;
}

void CurvePlot::setGraphsToAllPoints(Track& track) {
  track.graph->setData(track.keys, track.shown, true);
  if (track.rawGraph) track.rawGraph->setData(track.keys, track.raw, true);
  track.sampled = false;
  track.stale = false;
  track.shownSample = {};
  track.rawSample = {};
}

void CurvePlot::updateGraphsAfterData(std::size_t index, int firstNew) {
  Track& track = m_tracks[index];
  if (m_downsampling && track.keys.size() > kSampleAbovePointsPerPixel * pixelColumns()) {
    track.stale = true;  // sampled at the next layout, once per coalesced replot
    return;
  }
  if (firstNew == 0 || track.sampled || track.stale) {
    setGraphsToAllPoints(track);
    return;
  }
  const int added = static_cast<int>(track.keys.size()) - firstNew;
  if (added <= 0) return;
  track.graph->addData(track.keys.mid(firstNew), track.shown.mid(firstNew), true);
  if (track.rawGraph) track.rawGraph->addData(track.keys.mid(firstNew), track.raw.mid(firstNew), true);
}

void CurvePlot::setSeriesPoints(qint64 id, const QVector<double>& steps, const QVector<double>& values) {
  const int index = indexOf(id);
  if (index < 0) return;
  const auto i = static_cast<std::size_t>(index);
  m_series[i].steps = steps;
  m_series[i].values = values;
  resetDrawable(i);
  addDrawable(i, 0);
  updateGraphsAfterData(i, 0);
  scheduleReplot();
}

void CurvePlot::appendPoints(qint64 id, const QVector<double>& steps, const QVector<double>& values) {
  const int index = indexOf(id);
  if (index < 0 || steps.isEmpty()) return;
  const auto i = static_cast<std::size_t>(index);
  Series& series = m_series[i];
  const int from = static_cast<int>(series.steps.size());
  series.steps += steps;
  series.values += values;
  updateGraphsAfterData(i, addDrawable(i, from));
  scheduleReplot();
}

int CurvePlot::drawnPointCount(qint64 id) const {
  const int index = indexOf(id);
  return index < 0 ? 0 : static_cast<int>(m_tracks[static_cast<std::size_t>(index)].keys.size());
}

int CurvePlot::graphPointCount(qint64 id) const {
  const QCPGraph* g = graph(id);
  return g ? g->dataCount() : 0;
}

QCPGraph* CurvePlot::graph(qint64 id) const {
  const int index = indexOf(id);
  return index < 0 ? nullptr : m_tracks[static_cast<std::size_t>(index)].graph;
}

QCPGraph* CurvePlot::rawGraph(qint64 id) const {
  const int index = indexOf(id);
  return index < 0 ? nullptr : m_tracks[static_cast<std::size_t>(index)].rawGraph;
}

QCPGraph* CurvePlot::bandUpperGraph(qint64 id) const {
  const int index = indexOf(id);
  return index < 0 ? nullptr : m_tracks[static_cast<std::size_t>(index)].bandUpper;
}

void CurvePlot::setAxisLabels(const QString& xLabel, const QString& yLabel) {
  m_plot->xAxis->setLabel(xLabel);
  m_plot->yAxis->setLabel(yLabel);
  scheduleReplot();
}

void CurvePlot::setLogScale(QCPAxis* axis, bool log) {
  axis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (log)
    axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  else
    axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  rebuildGraphs();  // which points are drawable depends on the scale
  m_followData = true;
  scheduleReplot();
}

void CurvePlot::setLogY(bool logY) {
  if (logY == m_logY) return;
  m_logY = logY;
  setLogScale(m_plot->yAxis, logY);
}

void CurvePlot::setLogX(bool logX) {
  if (logX == m_logX) return;
  m_logX = logX;
  setLogScale(m_plot->xAxis, logX);
}

void CurvePlot::setSmoothing(double weight) {
  weight = std::clamp(std::isfinite(weight) ? weight : 0.0, 0.0, 0.999);
  if (weight == m_smoothing) return;
  m_smoothing = weight;
  if (weight > 0)
    for (std::size_t i = 0; i < m_tracks.size(); ++i) addRawGraph(i);
  else
    removeRawGraphs();
  rebuildGraphs();
  scheduleReplot();
}

void CurvePlot::setDownsampling(bool enabled) {
  if (enabled == m_downsampling) return;
  m_downsampling = enabled;
  for (Track& track : m_tracks) track.stale = true;
  syncAllTracks();
  scheduleReplot();
}

void CurvePlot::rebuildGraphs() {
  for (std::size_t i = 0; i < m_series.size(); ++i) {
    resetDrawable(i);
    addDrawable(i, 0);
    updateGraphsAfterData(i, 0);
    if (m_tracks[i].bandLower) drawBand(i);
  }
}

int CurvePlot::pixelColumns() const {
  const int width = m_plot->axisRect()->width();
  if (width <= 0) return kDefaultPixelColumns;
  return std::max(1, qRound(width * m_plot->bufferDevicePixelRatio()));  // device pixels on a HiDPI screen
}

DownsampleGrid CurvePlot::gridFor(double lower, double upper) const {
  return DownsampleGrid{lower, upper, pixelColumns(), m_logX};
}

void CurvePlot::syncTrack(Track& track, const DownsampleGrid& grid) {
  if (!m_downsampling || track.keys.size() <= kSampleAbovePointsPerPixel * grid.buckets) {
    if (track.sampled || track.stale) setGraphsToAllPoints(track);
    return;
  }
  if (track.sampled && !track.stale && track.shownSample.grid == grid) return;
  // Only appended points since the last sample for this grid: just the last bucket is re-run.
  extendMinMaxDownsample(track.keys, track.shown, grid, track.shownSample);
  track.graph->setData(track.shownSample.x, track.shownSample.y, true);
  if (track.rawGraph) {
    extendMinMaxDownsample(track.keys, track.raw, grid, track.rawSample);
    track.rawGraph->setData(track.rawSample.x, track.rawSample.y, true);
  }
  track.sampled = true;
  track.stale = false;
}

void CurvePlot::syncAllTracks() {
  const QCPRange range = m_plot->xAxis->range();
  const DownsampleGrid grid = gridFor(range.lower, range.upper);
  for (Track& track : m_tracks) syncTrack(track, grid);
}

void CurvePlot::scheduleReplot() {
  if (!m_replotTimer.isActive()) m_replotTimer.start();
}

void CurvePlot::replotNow() {
  m_replotTimer.stop();
  double first = 0, last = 0;
  bool anyData = false;
  for (const Track& track : m_tracks) {
    if (track.keys.isEmpty()) continue;
    first = anyData ? std::min(first, track.keys.front()) : track.keys.front();
    last = anyData ? std::max(last, track.keys.back()) : track.keys.back();
    anyData = true;
  }
  if (m_followData && anyData) {
    // Sample for the whole data range first: the samples keep every series' first, last,
    // minimum and maximum, so rescaling them gives the range of all the points.
    const DownsampleGrid grid = gridFor(first, last);
    for (Track& track : m_tracks) syncTrack(track, grid);
    m_plot->rescaleAxes();
    // A little headroom so the last point is not glued to the frame.
    m_plot->yAxis->scaleRange(1.05, m_plot->yAxis->range().center());
  }
  m_plot->legend->setVisible(!m_tracks.empty());
  m_plot->replot();  // its layout step (afterLayout) re-samples for the final range and width
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
