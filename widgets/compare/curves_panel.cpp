#include "compare/curves_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

#include "common/empty_state.h"
#include "plot/curve_plot.h"
#include "plot/plot_export.h"
#include "common/file_dialogs.h"

namespace vimoe::widgets {
namespace {

const QString kDefaultMetric = QStringLiteral("train/loss");

}  // namespace

CurvesPanel::CurvesPanel(QWidget* parent)
    : QWidget(parent),
      m_metricBox(new QComboBox),
      m_logX(new QCheckBox(tr("Log x"))),
      m_logY(new QCheckBox(tr("Log y"))),
      m_meanSeeds(new QCheckBox(tr("Mean over seeds"))),
      m_smoothing(new QDoubleSpinBox),
      m_export(new QToolButton),
      m_plot(new CurvePlot) {
  m_metricBox->setObjectName(QStringLiteral("metricBox"));
  m_metricBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_metricBox->setMinimumContentsLength(16);
  m_smoothing->setRange(0.0, 0.99);
  m_smoothing->setSingleStep(0.1);
  m_smoothing->setDecimals(2);
  m_smoothing->setToolTip(
      tr("Exponential moving average weight (as in TensorBoard); the raw values stay visible, faded. 0 shows the "
         "raw values only."));
  m_logX->setToolTip(tr("Logarithmic step axis; steps <= 0 are not drawn."));
  m_logY->setToolTip(tr("Logarithmic value axis; values <= 0 are not drawn."));
  m_meanSeeds->setObjectName(QStringLiteral("meanSeeds"));
  m_meanSeeds->setChecked(true);
  m_meanSeeds->setVisible(false);
  m_meanSeeds->setToolTip(
      tr("Runs that differ only by seed (a study's <variant>/seed<N>) as one line: their mean, with a band of "
         "one standard deviation over the seeds."));
  m_export->setText(tr("Export"));
  m_export->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(m_export);
  for (const char* suffix : {"png", "pdf", "svg", "csv"}) {
    const QString s = QString::fromLatin1(suffix);
    menu->addAction(tr("Export %1\u2026").arg(s.toUpper()), this, [this, s] { exportWithDialog(s); });
  }
  m_export->setMenu(menu);

  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Metric:")));
  bar->addWidget(m_metricBox);
  bar->addWidget(new QLabel(tr("Smoothing:")));
  bar->addWidget(m_smoothing);
  bar->addWidget(m_logX);
  bar->addWidget(m_logY);
  bar->addWidget(m_meanSeeds);
  bar->addStretch(1);
  bar->addWidget(m_export);

  m_stack = new EmptyState(m_plot, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(bar);
  layout->addWidget(m_stack, 1);

  connect(m_metricBox, &QComboBox::currentTextChanged, this, [this](const QString& text) {
    if (text.isEmpty()) return;
    m_wantedMetric = text;
    rebuildSeries();
  });
  connect(m_logX, &QCheckBox::toggled, m_plot, &CurvePlot::setLogX);
  connect(m_logY, &QCheckBox::toggled, m_plot, &CurvePlot::setLogY);
  connect(m_smoothing, qOverload<double>(&QDoubleSpinBox::valueChanged), m_plot, &CurvePlot::setSmoothing);
  connect(m_meanSeeds, &QCheckBox::toggled, this, [this] { rebuildSeries(); });
  updateEmptyState();
}

QString CurvesPanel::metric() const {
  return m_metricBox->currentText();
}

void CurvesPanel::setMetric(const QString& metric) {
  m_wantedMetric = metric;
  const int index = m_metricBox->findText(metric);
  if (index >= 0) m_metricBox->setCurrentIndex(index);
}

void CurvesPanel::setLogY(bool logY) {
  m_logY->setChecked(logY);
}

void CurvesPanel::setLogX(bool logX) {
  m_logX->setChecked(logX);
}

void CurvesPanel::setSmoothing(double weight) {
  m_smoothing->setValue(weight);
}

void CurvesPanel::setMeanOverSeeds(bool on) {
  m_meanSeeds->setChecked(on);
}

bool CurvesPanel::meanOverSeedsAvailable() const {
  QHash<QString, int> members;
  for (qint64 id : m_selected) {
    const QString name = runName(id);
    if (seedGroupName(name) != name && ++members[seedGroupName(name)] > 1) return true;
  }
  return false;
}

qint64 CurvesPanel::seriesIdOf(qint64 runId) const {
  for (auto it = m_seedGroups.constBegin(); it != m_seedGroups.constEnd(); ++it)
    if (it.value().contains(runId)) return it.key();
  return runId;
}

QString CurvesPanel::runName(qint64 runId) const {
  for (const auto& run : m_runs)
    if (run.id == runId) return run.name;
  return tr("run %1").arg(runId);
}

void CurvesPanel::setRuns(const QVector<RunSummary>& runs) {
  m_runs = runs;
  // Runs gone from the store (another project, a deleted run) leave the selection.
  QVector<qint64> kept;
  for (qint64 id : m_selected)
    for (const auto& run : runs)
      if (run.id == id) kept << id;
  const bool selectionChanged = kept != m_selected;
  m_selected = kept;
  if (rebuildMetricChoices() || selectionChanged)
    rebuildSeries();
  else
    updateEmptyState();
}

void CurvesPanel::setSelectedRuns(const QVector<qint64>& runIds) {
  if (runIds == m_selected) return;
  m_selected = runIds;
  rebuildMetricChoices();
  rebuildSeries();
}

// The metrics that the selected runs (or, with none selected, all runs) have logged. True when
// the current metric changed.
bool CurvesPanel::rebuildMetricChoices() {
  std::set<QString> names;
  for (const auto& run : m_runs)
    if (m_selected.isEmpty() || m_selected.contains(run.id))
      for (auto it = run.latest.constBegin(); it != run.latest.constEnd(); ++it) names.insert(it.key());
  QStringList metrics(names.begin(), names.end());
  if (metrics == m_metrics) return false;
  m_metrics = metrics;

  QString choice = m_wantedMetric;
  if (!metrics.contains(choice)) choice = metrics.contains(kDefaultMetric) ? kDefaultMetric : metrics.value(0);
  const QString before = m_metricBox->currentText();
  {
    const QSignalBlocker blocker(m_metricBox);
    m_metricBox->clear();
    m_metricBox->addItems(metrics);
    m_metricBox->setCurrentIndex(m_metricBox->findText(choice));
  }
  return m_metricBox->currentText() != before;
}

QVector<CurveKey> CurvesPanel::watchedCurves() const {
  QVector<CurveKey> keys;
  const QString name = metric();
  if (name.isEmpty()) return keys;
  for (qint64 id : m_selected) keys << CurveKey{id, name};
  return keys;
}

void CurvesPanel::rebuildSeries() {
  m_plot->clear();
  m_seedGroups.clear();
  m_memberCurves.clear();
  const QVector<CurveKey> keys = watchedCurves();
  const bool available = meanOverSeedsAvailable();
  m_meanSeeds->setVisible(available);
  const bool grouping = available && m_meanSeeds->isChecked();
  QHash<QString, QVector<qint64>> members;  // seed group name -> its selected runs
  for (const auto& key : keys) {
    const QString name = runName(key.runId);
    if (seedGroupName(name) != name) members[seedGroupName(name)] << key.runId;
  }
  // In the order of selection: a run alone, or a seed group where its first member stands.
  for (const auto& key : keys) {
    const QString name = runName(key.runId);
    const QVector<qint64> group = seedGroupName(name) != name ? members.value(seedGroupName(name)) : QVector<qint64>{};
    if (!grouping || group.size() < 2) {
      m_plot->addSeries(key.runId, name);
    } else if (group.front() == key.runId) {
      const qint64 seriesId = -key.runId;  // negative: never a run's id
      m_plot->addSeries(seriesId, tr("%1 (mean \u00b1 std, %n seeds)", nullptr, static_cast<int>(group.size()))
                                      .arg(seedGroupName(name)));
      m_seedGroups.insert(seriesId, group);
    }
  }
  m_plot->setAxisLabels(tr("step"), metric());
  updateEmptyState();
  // The poller answers with a reset update per curve: the full curve, then only new rows.
  Q_EMIT watchedCurvesChanged(keys);
}

void CurvesPanel::applyCurveUpdate(const CurveUpdate& update) {
  // Updates for curves no longer shown (the user switched metric or runs) are dropped.
  const qint64 seriesId = seriesIdOf(update.key.runId);
  if (update.key.metric != metric() || !m_plot->hasSeries(seriesId)) return;
  if (seriesId != update.key.runId) {
    StepCurve& curve = m_memberCurves[update.key.runId];
    if (update.reset) curve = StepCurve{};
    curve.steps += update.steps;
    curve.values += update.values;
    redrawSeedGroup(seriesId);
    return;
  }
  if (update.reset)
    m_plot->setSeriesPoints(update.key.runId, update.steps, update.values);
  else
    m_plot->appendPoints(update.key.runId, update.steps, update.values);
}

void CurvesPanel::redrawSeedGroup(qint64 seriesId) {
  QVector<StepCurve> curves;
  for (qint64 member : m_seedGroups.value(seriesId)) curves << m_memberCurves.value(member);
  const SeedBand band = seedBand(curves);
  m_plot->setSeriesPoints(seriesId, band.steps, band.mean);
  m_plot->setSeriesBand(seriesId, band.steps, band.lower, band.upper);
}

void CurvesPanel::updateEmptyState() {
  if (m_runs.isEmpty())
    m_stack->showMessage(tr("No runs yet \u2014 start a study from the Run menu, or Launch an experiment"));
  else if (m_selected.isEmpty())
    m_stack->showMessage(
        tr("Select runs in the Runs table to plot their curves.\n"
           "Ctrl-click a dense and an MoE run to compare them."));
  else if (metric().isEmpty())
    m_stack->showMessage(tr("The selected runs have not logged any metric yet."));
  else
    m_stack->showContent();
  m_export->setEnabled(!m_stack->isShowingMessage());
}

bool CurvesPanel::isShowingEmptyState() const {
  return m_stack->isShowingMessage();
}

Status CurvesPanel::exportTo(const QString& path) const {
  m_plot->replotNow();  // a pending coalesced redraw must not be missing from the file
  return exportCurvePlot(*m_plot, path, metric());
}

void CurvesPanel::exportWithDialog(const QString& suffix) {
  QString suggested = metric();
  suggested.replace(QLatin1Char('/'), QLatin1Char('_'));
  const QString path = chooseSaveFile(this, tr("Export curves"), suggested + QLatin1Char('.') + suffix,
                                                    curveExportFilter());
  if (path.isEmpty()) return;
  if (auto done = exportTo(path); !done) Q_EMIT errorOccurred(QString::fromStdString(done.error().message));
}

}  // namespace vimoe::widgets
