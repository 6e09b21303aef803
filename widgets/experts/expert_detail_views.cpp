#include "experts/expert_detail_views.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/empty_state.h"
#include "plot/curve_plot.h"
#include "plot/heatmap_plot.h"
#include "plot/qcp.h"

namespace vimoe::widgets {
namespace {

EmptyState* page(QWidget* plot, QLabel* note, QLayout* controls = nullptr) {
  auto* content = new QWidget;
  auto* layout = new QVBoxLayout(content);
  layout->setContentsMargins(0, 4, 0, 0);
  if (controls) layout->addLayout(controls);
  layout->addWidget(plot, 1);
  if (note) {
    note->setWordWrap(true);
    note->setTextFormat(Qt::RichText);
    layout->addWidget(note);
  }
  return new EmptyState(content);
}

// Experts run along x in these maps: whole-number keys with "E<i>" ticks.
void labelExpertAxis(HeatmapPlot* map, int experts) {
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (int e = 0; e < experts; ++e) ticker->addTick(e, QObject::tr("E%1").arg(e));
  map->customPlot()->xAxis->setTicker(ticker);
}

QVector<double> expertKeys(int experts) {
  QVector<double> keys;
  for (int e = 0; e < experts; ++e) keys << e;
  return keys;
}

QString percent(double share) {
  return QStringLiteral("%1%").arg(100.0 * share, 0, 'f', share < 0.1 ? 1 : 0);
}

}  // namespace

ExpertDetailViews::ExpertDetailViews(QWidget* parent)
    : QTabWidget(parent),
      m_layerMap(new HeatmapPlot),
      m_layerNote(new QLabel),
      m_droppedPlot(new CurvePlot),
      m_entropyBox(new QComboBox),
      m_entropyPlot(new CurvePlot),
      m_entropyNote(new QLabel),
      m_modalityMap(new HeatmapPlot),
      m_modalityNote(new QLabel),
      m_classMap(new HeatmapPlot),
      m_classNote(new QLabel) {
  setObjectName(QStringLiteral("expertViewTabs"));
  setDocumentMode(true);
  m_layerMap->setAxisLabels(tr("expert"), QString());
  m_layerMap->setColorScaleLabel(tr("share of the layer's routed tokens"));
  m_droppedPlot->setAxisLabels(tr("step"), tr("dropped share (over capacity / routed)"));
  m_entropyBox->addItem(tr("Router entropy (per token, logged by the trainer)"), static_cast<int>(Entropy::Router));
  m_entropyBox->addItem(tr("Load entropy (of the experts' shares)"), static_cast<int>(Entropy::Load));
  m_modalityMap->setAxisLabels(tr("expert"), QString());
  m_modalityMap->setColorScaleLabel(tr("share of the modality's tokens"));
  m_classMap->setAxisLabels(tr("expert"), QString());
  m_classMap->setColorScaleLabel(tr("share of the class's tokens"));

  auto* entropyBar = new QHBoxLayout;
  entropyBar->addWidget(new QLabel(tr("Entropy:")));
  entropyBar->addWidget(m_entropyBox);
  entropyBar->addStretch(1);
  m_layerPage = page(m_layerMap, m_layerNote);
  m_droppedPage = page(m_droppedPlot, new QLabel(tr("Tokens over an expert's capacity / tokens routed, over all k "
                                                    "choices and experts of each layer (moe.capacity_factor_train; 0 "
                                                    "= dropless).")));
  m_entropyPage = page(m_entropyPlot, m_entropyNote, entropyBar);
  m_modalityPage = page(m_modalityMap, m_modalityNote);
  m_classPage = page(m_classMap, m_classNote);
  addTab(m_layerPage, tr("Layers \u00d7 experts"));
  addTab(m_droppedPage, tr("Dropped"));
  addTab(m_entropyPage, tr("Entropy"));
  addTab(m_modalityPage, tr("Modality"));
  addTab(m_classPage, tr("Classes"));
  connect(m_entropyBox, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    m_curvesShownFor.clear();
    showCurves();
  });
}

ExpertDetailViews::Entropy ExpertDetailViews::entropyKind() const {
  return static_cast<Entropy>(m_entropyBox->currentData().toInt());
}

QString ExpertDetailViews::layerSummary() const {
  return m_layerNote->text();
}

void ExpertDetailViews::showSnapshot(const ExpertLoadSnapshot& snapshot, int layer, qint64 step) {
  m_snapshot = snapshot;
  showLayerExpert(step);
  showCurves();
  showModality(step);
  showClasses(layer, step);
}

void ExpertDetailViews::showLayerExpert(qint64 step) {
  m_layerGrid = buildLayerExpertGrid(m_snapshot.rows, static_cast<int>(m_snapshot.layers.size()), step);
  if (m_layerGrid.experts == 0 || m_layerGrid.layers == 0) {
    m_layerPage->showMessage(tr("No expert-load snapshots logged yet for this run."));
    m_layerMap->clear();
    return markOverloaded();
  }
  QVector<double> values = m_layerGrid.share;
  for (int i = 0; i < values.size(); ++i) {
    if (m_layerGrid.dead[i])
      values[i] = std::numeric_limits<double>::quiet_NaN();  // the marked colour
    else if (std::isnan(values[i]))
      values[i] = 0;
  }
  // Twice the fair share saturates, as in "over training": overloaded cells are the bright ones.
  m_layerMap->setCells(expertKeys(m_layerGrid.experts), m_snapshot.layers, values, 2.0 * m_layerGrid.fairShare());
  labelExpertAxis(m_layerMap, m_layerGrid.experts);
  markOverloaded();

  QStringList dead, overloaded;
  for (int l = 0; l < m_layerGrid.layers; ++l)
    for (int e = 0; e < m_layerGrid.experts; ++e) {
      const int i = m_layerGrid.index(l, e);
      if (m_layerGrid.dead[i]) dead << tr("%1 E%2").arg(m_snapshot.layers[l]).arg(e);
      if (m_layerGrid.overloaded[i])
        overloaded << tr("%1 E%2 (%3)").arg(m_snapshot.layers[l]).arg(e).arg(percent(m_layerGrid.share[i]));
    }
  const QString swatch =
      QStringLiteral("<span style=\"color:%1\">&#9632;</span>").arg(m_layerMap->markedColor().name());
  m_layerNote->setText(
      tr("step %1 \u00b7 fair share %2 \u00b7 %3 dead (%4 share &lt; 1% of fair): %5 \u00b7 "
         "%6 overloaded (outlined, share &gt; 2\u00d7 fair): %7")
          .arg(step)
          .arg(percent(m_layerGrid.fairShare()))
          .arg(dead.size())
          .arg(swatch, dead.isEmpty() ? tr("none") : QStringLiteral("<b>%1</b>").arg(dead.join(QStringLiteral(", "))))
          .arg(overloaded.size())
          .arg(overloaded.isEmpty() ? tr("none")
                                    : QStringLiteral("<b>%1</b>").arg(overloaded.join(QStringLiteral(", ")))));
  m_layerPage->showContent();
}

void ExpertDetailViews::markOverloaded() {
  QCustomPlot* plot = m_layerMap->customPlot();
  for (QCPItemRect* mark : m_overloadMarks) plot->removeItem(mark);
  m_overloadMarks.clear();
  for (int l = 0; l < m_layerGrid.layers; ++l)
    for (int e = 0; e < m_layerGrid.experts; ++e) {
      if (!m_layerGrid.overloaded[m_layerGrid.index(l, e)]) continue;
      auto* mark = new QCPItemRect(plot);
      mark->topLeft->setCoords(e - 0.46, l + 0.46);
      mark->bottomRight->setCoords(e + 0.46, l - 0.46);
      mark->setPen(QPen(QColor(20, 20, 20), 2.5));
      mark->setBrush(Qt::NoBrush);
      m_overloadMarks << mark;
    }
}

void ExpertDetailViews::showCurves() {
  // Curves are redrawn only when the rows changed, so a user's zoom survives a step change.
  const QString shownFor =
      QStringLiteral("%1/%2/%3").arg(m_snapshot.runId).arg(m_snapshot.rows.size()).arg(m_snapshot.routerEntropy.size());
  if (shownFor == m_curvesShownFor) return;
  m_curvesShownFor = shownFor;
  const int layers = static_cast<int>(m_snapshot.layers.size());
  m_droppedPlot->clear();
  m_entropyPlot->clear();
  if (m_snapshot.rows.isEmpty()) {
    m_droppedPage->showMessage(tr("No expert-load snapshots logged yet for this run."));
    m_entropyPage->showMessage(tr("No expert-load snapshots logged yet for this run."));
    return;
  }
  for (const LayerCurve& curve : droppedShareCurves(m_snapshot.rows, layers)) {
    m_droppedPlot->addSeries(curve.layer, m_snapshot.layers[curve.layer]);
    m_droppedPlot->setSeriesPoints(curve.layer, curve.steps, curve.values);
  }
  m_droppedPage->showContent();

  const bool haveRouter = !m_snapshot.routerEntropy.isEmpty();
  {
    const QSignalBlocker blocker(m_entropyBox);
    if (!haveRouter) m_entropyBox->setCurrentIndex(m_entropyBox->findData(static_cast<int>(Entropy::Load)));
  }
  if (entropyKind() == Entropy::Router && haveRouter) {
    for (auto it = m_snapshot.routerEntropy.cbegin(); it != m_snapshot.routerEntropy.cend(); ++it) {
      QVector<double> steps, values;
      for (const QPointF& p : it.value()) {
        steps << p.x();
        values << p.y();
      }
      m_entropyPlot->addSeries(it.key(), m_snapshot.layers.value(it.key()));
      m_entropyPlot->setSeriesPoints(it.key(), steps, values);
    }
    m_entropyPlot->setAxisLabels(tr("step"), tr("router entropy / log E"));
    m_entropyNote->setText(
        tr("Mean entropy of each token's router probabilities / log E (moe/&lt;layer&gt;/router_entropy): "
           "0 = every token sure of one expert, 1 = uniform."));
  } else {
    for (const LayerCurve& curve : loadEntropyCurves(m_snapshot.rows, layers)) {
      m_entropyPlot->addSeries(curve.layer, m_snapshot.layers[curve.layer]);
      m_entropyPlot->setSeriesPoints(curve.layer, curve.steps, curve.values);
    }
    m_entropyPlot->setAxisLabels(tr("step"), tr("load entropy / log E"));
    m_entropyNote->setText(
        haveRouter ? tr("Entropy of the experts' shares of each layer / log E: 1 = every expert equally used.")
                   : tr("This run logged no router entropy; shown is the entropy of the experts' shares "
                        "/ log E: 1 = every expert equally used, 0 = one expert takes all."));
  }
  m_entropyBox->setEnabled(haveRouter);
  m_entropyPage->showContent();
}

void ExpertDetailViews::showModality(qint64 step) {
  m_modalityGrid = buildModalityShares(m_snapshot.rows, m_snapshot.layers, step);
  if (m_modalityGrid.rowLabels.isEmpty()) {
    m_modalityMap->clear();
    return m_modalityPage->showMessage(tr("No per-modality token counts at this step."));
  }
  m_modalityMap->setCells(expertKeys(m_modalityGrid.experts), m_modalityGrid.rowLabels, m_modalityGrid.share,
                          2.0 / std::max(1, m_modalityGrid.experts));
  labelExpertAxis(m_modalityMap, m_modalityGrid.experts);
  m_modalityNote->setText(tr("step %1 \u00b7 each row: where that modality's tokens went in the layer (rows sum to "
                             "100%; 2\u00d7 fair share saturates). A layer of a shared tower has two rows: an expert "
                             "bright in one and dark in the other has specialised in that modality.")
                              .arg(step));
  m_modalityPage->showContent();
}

void ExpertDetailViews::showClasses(int layer, qint64 step) {
  const int experts = std::max(m_layerGrid.experts, 1);
  m_classMatrix = layer < 0 ? ClassExpertMatrix{} : buildClassExpertMatrix(m_snapshot.classRows, layer, step, experts);
  if (m_classMatrix.classes.isEmpty()) {
    m_classMap->clear();
    return m_classPage->showMessage(
        m_snapshot.classRows.isEmpty()
            ? tr("No expert \u00d7 class rows for this run: they come with routing snapshots of a probe set whose "
                 "images have classes (the synthetic domains; real datasets have none yet).")
            : tr("No expert \u00d7 class rows for this layer."));
  }
  m_classMap->setCells(expertKeys(m_classMatrix.experts), m_classMatrix.classes, m_classMatrix.share, 1.0);
  labelExpertAxis(m_classMap, m_classMatrix.experts);
  m_classNote->setText(
      tr("%1 \u00b7 routing snapshot of the probe set at step %2 (nearest to step %3) \u00b7 each row: "
         "where that class's tokens went (top-k choices that were kept)")
          .arg(m_snapshot.layers.value(layer))
          .arg(m_classMatrix.step)
          .arg(step));
  m_classPage->showContent();
}

}  // namespace vimoe::widgets
