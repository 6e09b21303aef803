#include "routing/routing_inspector_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>

#include "common/empty_state.h"
#include "routing/routing_loader.h"
#include "routing/routing_snapshot_view.h"

namespace vimoe::widgets {

RoutingInspectorPanel::RoutingInspectorPanel(QWidget* parent)
    : QWidget(parent),
      m_loader(new RoutingLoader(this)),
      m_runBox(new QComboBox),
      m_sampleBox(new QComboBox),
      m_stepSlider(new QSlider(Qt::Horizontal)),
      m_stepLabel(new QLabel),
      m_view(new RoutingSnapshotView) {
  m_runBox->setObjectName(QStringLiteral("routingRunBox"));
  m_sampleBox->setObjectName(QStringLiteral("routingSampleBox"));
  m_stepSlider->setObjectName(QStringLiteral("routingStepSlider"));
  m_runBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_sampleBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_sampleBox->setMaximumWidth(380);
  m_stepSlider->setPageStep(1);
  m_stepSlider->setTickPosition(QSlider::TicksBelow);
  m_stepSlider->setMinimumWidth(160);
  m_stepLabel->setMinimumWidth(150);

  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Run:")));
  bar->addWidget(m_runBox);
  bar->addSpacing(8);
  bar->addWidget(new QLabel(tr("Probe sample:")));
  bar->addWidget(m_sampleBox);
  bar->addSpacing(8);
  bar->addWidget(new QLabel(tr("Snapshot:")));
  bar->addWidget(m_stepSlider, 1);
  bar->addWidget(m_stepLabel);
  m_stack = new EmptyState(m_view, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(bar);
  layout->addWidget(m_stack, 1);

  connect(m_loader, &RoutingLoader::loaded, this, &RoutingInspectorPanel::applySnapshot);
  connect(m_loader, &RoutingLoader::failed, this, &RoutingInspectorPanel::onLoadFailed);
  connect(m_runBox, qOverload<int>(&QComboBox::activated), this, [this] { m_userChoseRun = true; });
  connect(m_runBox, qOverload<int>(&QComboBox::currentIndexChanged), this, &RoutingInspectorPanel::onRunChosen);
  connect(m_stepSlider, &QSlider::valueChanged, this, &RoutingInspectorPanel::onStepMoved);
  connect(m_sampleBox, qOverload<int>(&QComboBox::currentIndexChanged), this, &RoutingInspectorPanel::redraw);
  redraw();
}

RoutingInspectorPanel::~RoutingInspectorPanel() = default;

qint64 RoutingInspectorPanel::currentRun() const {
  return m_runBox->currentIndex() < 0 ? -1 : m_runBox->currentData().toLongLong();
}

qint64 RoutingInspectorPanel::currentStep() const {
  return m_snapshot.step;
}

int RoutingInspectorPanel::currentSample() const {
  return m_sampleBox->currentIndex() < 0 ? -1 : m_sampleBox->currentData().toInt();
}

void RoutingInspectorPanel::setSample(int sample) {
  if (const int index = m_sampleBox->findData(sample); index >= 0) m_sampleBox->setCurrentIndex(index);
}

bool RoutingInspectorPanel::isLoading() const {
  return m_loader->isBusy();
}
bool RoutingInspectorPanel::isShowingEmptyState() const {
  return m_stack->isShowingMessage();
}
QString RoutingInspectorPanel::emptyMessage() const {
  return m_stack->message();
}

void RoutingInspectorPanel::setStorePath(const QString& path) {
  if (path == m_loader->storePath()) return;
  m_loader->setStorePath(path);
  m_snapshot = RoutingSnapshot{};
  m_images.clear();
  m_loadError.clear();
  if (currentRun() >= 0) requestSnapshot(-1);
  redraw();
}

void RoutingInspectorPanel::setRuns(const QVector<RunSummary>& runs) {
  const bool anyRunsChanged = m_anyRuns != !runs.isEmpty();
  m_anyRuns = !runs.isEmpty();
  QVector<qint64> ids;
  QMap<qint64, QString> state;
  for (const auto& run : runs) {
    if (!run.isMoe()) continue;
    ids << run.id;
    state.insert(run.id, QString::number(run.step) + QLatin1Char('/') + run.status);
  }
  const qint64 previous = currentRun();
  const bool moved = previous >= 0 && state.value(previous) != m_runState.value(previous);
  m_runState = state;
  if (ids != m_moeRunIds) {
    m_moeRunIds = ids;
    const QSignalBlocker blocker(m_runBox);
    m_runBox->clear();
    for (const auto& run : runs)
      if (run.isMoe()) m_runBox->addItem(QStringLiteral("#%1 %2").arg(run.id).arg(run.name), run.id);
    int index = m_runBox->findData(previous);
    // Until the user picks a run, follow the newest MoE run (the one a study just started).
    if (index < 0 || !m_userChoseRun) index = m_runBox->count() - 1;
    m_runBox->setCurrentIndex(index);
  }
  if (currentRun() != previous)
    onRunChosen();
  else if (moved)
    requestSnapshot(m_followLatest ? -1 : m_snapshot.step);
  else if (anyRunsChanged)
    redraw();  // only the empty-state sentence changes
}

void RoutingInspectorPanel::showRun(qint64 runId) {
  const int index = m_runBox->findData(runId);
  if (index < 0) return;
  m_userChoseRun = true;
  m_runBox->setCurrentIndex(index);
}

void RoutingInspectorPanel::onRunChosen() {
  m_snapshot = RoutingSnapshot{};
  m_images.clear();
  m_loadError.clear();
  m_followLatest = true;
  requestSnapshot(-1);
  fillChoosers();
  redraw();
}

void RoutingInspectorPanel::requestSnapshot(qint64 step) {
  if (m_loader->storePath().isEmpty() || currentRun() < 0) return;
  m_loader->request(currentRun(), step);
}

void RoutingInspectorPanel::onStepMoved(int index) {
  if (index < 0 || index >= m_snapshot.steps.size()) return;
  m_followLatest = index == m_snapshot.steps.size() - 1;
  const qint64 step = m_snapshot.steps[index];
  m_stepLabel->setText(tr("step %1 \u00b7 %2 of %3").arg(step).arg(index + 1).arg(m_snapshot.steps.size()));
  if (step != m_snapshot.step) requestSnapshot(step);
}

void RoutingInspectorPanel::setStep(qint64 step) {
  int best = -1;
  for (int i = 0; i < m_snapshot.steps.size(); ++i)
    if (best < 0 || std::abs(m_snapshot.steps[i] - step) < std::abs(m_snapshot.steps[best] - step)) best = i;
  if (best >= 0) m_stepSlider->setValue(best);
}

void RoutingInspectorPanel::onLoadFailed(qint64 runId, const QString& message) {
  if (runId != currentRun()) return;
  m_loadError = message;
  redraw();
}

void RoutingInspectorPanel::applySnapshot(const RoutingSnapshot& snapshot, const QVector<QImage>& images) {
  if (snapshot.runId != currentRun()) return;  // an answer for a run no longer chosen
  m_snapshot = snapshot;
  m_images = images;
  m_loadError.clear();
  fillChoosers();
  redraw();
  Q_EMIT snapshotShown(snapshot.runId, snapshot.step);
}

void RoutingInspectorPanel::fillChoosers() {
  const int index = static_cast<int>(m_snapshot.steps.indexOf(m_snapshot.step));
  {
    const QSignalBlocker blocker(m_stepSlider);
    m_stepSlider->setRange(0, std::max(0, static_cast<int>(m_snapshot.steps.size()) - 1));
    m_stepSlider->setValue(std::max(0, index));
    m_stepSlider->setEnabled(m_snapshot.steps.size() > 1);
  }
  m_stepLabel->setText(
      index < 0 ? QString()
                : tr("step %1 \u00b7 %2 of %3").arg(m_snapshot.step).arg(index + 1).arg(m_snapshot.steps.size()));
  QStringList items;
  for (const auto& probe : m_snapshot.probes) {
    QString caption = QString::fromStdString(probe.caption);
    if (caption.size() > 48) caption = caption.left(47) + QChar(0x2026);
    const QString label = QString::fromStdString(probe.label);
    items << (label.isEmpty() ? QStringLiteral("#%1 %2").arg(probe.sample).arg(caption)
                              : QStringLiteral("#%1 [%2] %3").arg(probe.sample).arg(label, caption));
  }
  QStringList current;
  for (int i = 0; i < m_sampleBox->count(); ++i) current << m_sampleBox->itemText(i);
  if (current == items) return;
  const int previous = currentSample();
  const QSignalBlocker blocker(m_sampleBox);
  m_sampleBox->clear();
  for (int i = 0; i < items.size(); ++i) m_sampleBox->addItem(items[i], m_snapshot.probes[i].sample);
  m_sampleBox->setCurrentIndex(std::max(0, m_sampleBox->findData(previous)));
}

void RoutingInspectorPanel::redraw() {
  if (m_moeRunIds.isEmpty()) {
    m_stack->showMessage(m_anyRuns ? tr("None of the runs has MoE layers: routing snapshots appear for MoE runs.")
                                   : tr("No runs yet \u2014 start a study from the Run menu, or Launch an experiment"));
    return;
  }
  if (m_loader->storePath().isEmpty()) return m_stack->showMessage(tr("No run store is open."));
  if (!m_loadError.isEmpty()) return m_stack->showMessage(m_loadError);
  if (m_snapshot.runId != currentRun()) return m_stack->showMessage(tr("Reading routing snapshots\u2026"));
  if (m_snapshot.step < 0) {
    const QString every =
        m_snapshot.routingEvery > 0 ? tr(" (every %1 steps for this run)").arg(m_snapshot.routingEvery) : QString();
    return m_stack->showMessage(
        tr("No routing snapshots for this run yet: routing snapshots appear every run.routing_every steps%1, "
           "for the probe set of run.probe_images validation images.")
            .arg(every));
  }
  m_view->setSnapshot(m_snapshot, m_images, currentSample());
  m_stack->showContent();
}

}  // namespace vimoe::widgets
