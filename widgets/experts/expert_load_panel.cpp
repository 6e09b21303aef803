#include "experts/expert_load_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "common/empty_state.h"
#include "experts/expert_detail_views.h"
#include "plot/heatmap_plot.h"

namespace vimoe::widgets {

ExpertLoadPanel::ExpertLoadPanel(QWidget* parent)
    : QWidget(parent),
      m_runBox(new QComboBox),
      m_layerBox(new QComboBox),
      m_stepSlider(new QSlider(Qt::Horizontal)),
      m_stepLabel(new QLabel),
      m_views(new ExpertDetailViews),
      m_summary(new QLabel),
      m_heatmap(new HeatmapPlot) {
  m_runBox->setObjectName(QStringLiteral("expertRunBox"));
  m_layerBox->setObjectName(QStringLiteral("expertLayerBox"));
  m_runBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_layerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_stepSlider->setObjectName(QStringLiteral("expertStepSlider"));
  m_stepSlider->setPageStep(1);
  m_stepSlider->setMinimumWidth(80);
  m_stepSlider->setToolTip(tr("The expert-load snapshot that the layer, modality and class tabs show"));
  m_stepLabel->setMinimumWidth(60);
  m_summary->setWordWrap(true);
  m_summary->setTextFormat(Qt::RichText);
  m_heatmap->setAxisLabels(tr("step"), tr("expert"));
  m_heatmap->setColorScaleLabel(tr("share of routed tokens"));

  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Run:")));
  bar->addWidget(m_runBox);
  bar->addWidget(new QLabel(tr("Layer:")));
  bar->addWidget(m_layerBox);
  auto* stepTitle = new QLabel(tr("Step:"));
  bar->addWidget(stepTitle);
  bar->addWidget(m_stepSlider, 1);
  bar->addWidget(m_stepLabel);
  bar->addStretch(0);

  auto* content = new QWidget;
  auto* contentLayout = new QVBoxLayout(content);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addWidget(m_heatmap, 1);
  contentLayout->addWidget(m_summary);
  m_views->insertTab(0, content, tr("Over training"));
  m_views->setCurrentIndex(0);
  m_stack = new EmptyState(m_views, this);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(bar);
  layout->addWidget(m_stack, 1);

  connect(m_runBox, qOverload<int>(&QComboBox::activated), this, [this] { m_userChoseRun = true; });
  connect(m_runBox, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExpertLoadPanel::onRunChosen);
  connect(m_layerBox, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExpertLoadPanel::redraw);
  connect(m_stepSlider, &QSlider::valueChanged, this, [this](int index) {
    m_followLatest = index >= static_cast<int>(m_steps.size()) - 1;
    redraw();
  });
  // The step chooses what the one-snapshot tabs show; the tabs over training do not use it.
  auto showStepFor = [this, stepTitle] {
    QWidget* tab = m_views->currentWidget();
    const bool oneSnapshot =
        tab == m_views->layerExpertPage() || tab == m_views->modalityPage() || tab == m_views->classPage();
    for (QWidget* w :
         {static_cast<QWidget*>(stepTitle), static_cast<QWidget*>(m_stepSlider), static_cast<QWidget*>(m_stepLabel)})
      w->setVisible(oneSnapshot);
  };
  connect(m_views, &QTabWidget::currentChanged, this, showStepFor);
  showStepFor();
  redraw();
}

qint64 ExpertLoadPanel::currentStep() const {
  const int index = m_stepSlider->value();
  return index >= 0 && index < m_steps.size() ? m_steps[index] : -1;
}

void ExpertLoadPanel::setStep(qint64 step) {
  int best = -1;
  for (int i = 0; i < m_steps.size(); ++i)
    if (best < 0 || std::abs(m_steps[i] - step) < std::abs(m_steps[best] - step)) best = i;
  if (best >= 0) m_stepSlider->setValue(best);
}

void ExpertLoadPanel::fillSteps() {
  const qint64 previous = currentStep();
  m_steps = expertLoadSteps(m_snapshot.rows);
  const QSignalBlocker blocker(m_stepSlider);
  m_stepSlider->setRange(0, std::max(0, static_cast<int>(m_steps.size()) - 1));
  int index = static_cast<int>(m_steps.indexOf(previous));
  if (index < 0 || m_followLatest) index = static_cast<int>(m_steps.size()) - 1;
  m_stepSlider->setValue(std::max(0, index));
  m_stepSlider->setEnabled(m_steps.size() > 1);
}

qint64 ExpertLoadPanel::currentRun() const {
  return m_runBox->currentIndex() < 0 ? -1 : m_runBox->currentData().toLongLong();
}

QString ExpertLoadPanel::currentLayer() const {
  return m_layerBox->currentText();
}

void ExpertLoadPanel::setLayer(const QString& layerName) {
  const int index = m_layerBox->findText(layerName);
  if (index >= 0) m_layerBox->setCurrentIndex(index);
}

void ExpertLoadPanel::setRuns(const QVector<RunSummary>& runs) {
  const bool anyRuns = !runs.isEmpty();
  if (anyRuns != m_anyRuns) {
    m_anyRuns = anyRuns;
    if (m_moeRunIds.isEmpty()) redraw();  // only the empty-state sentence changes
  }
  QVector<qint64> ids;
  for (const auto& run : runs)
    if (run.isMoe()) ids << run.id;
  if (ids == m_moeRunIds) return;
  m_moeRunIds = ids;

  const qint64 previous = currentRun();
  {
    const QSignalBlocker blocker(m_runBox);
    m_runBox->clear();
    for (const auto& run : runs)
      if (run.isMoe()) m_runBox->addItem(QStringLiteral("#%1 %2").arg(run.id).arg(run.name), run.id);
    int index = m_runBox->findData(previous);
    // Until the user picks a run, follow the newest MoE run (the one a study just started).
    if (index < 0 || !m_userChoseRun) index = m_runBox->count() - 1;
    m_runBox->setCurrentIndex(index);
  }
  if (currentRun() != previous) onRunChosen();
  if (m_moeRunIds.isEmpty()) redraw();
}

void ExpertLoadPanel::showRun(qint64 runId) {
  const int index = m_runBox->findData(runId);
  if (index < 0) return;
  m_userChoseRun = true;
  m_runBox->setCurrentIndex(index);
}

void ExpertLoadPanel::onRunChosen() {
  m_snapshot = ExpertLoadSnapshot{};
  m_followLatest = true;
  fillLayers({});
  fillSteps();
  redraw();
  Q_EMIT expertRunChanged(currentRun());
}

void ExpertLoadPanel::fillLayers(const QStringList& layers) {
  QStringList current;
  for (int i = 0; i < m_layerBox->count(); ++i) current << m_layerBox->itemText(i);
  if (current == layers) return;
  const QString previous = m_layerBox->currentText();
  const QSignalBlocker blocker(m_layerBox);
  m_layerBox->clear();
  m_layerBox->addItems(layers);
  m_layerBox->setCurrentIndex(std::max(0, static_cast<int>(layers.indexOf(previous))));
}

void ExpertLoadPanel::applyExpertLoad(const ExpertLoadSnapshot& snapshot) {
  if (snapshot.runId != currentRun()) return;  // an answer for a run no longer chosen
  m_snapshot = snapshot;
  fillLayers(snapshot.layers);
  fillSteps();
  redraw();
}

void ExpertLoadPanel::redraw() {
  const int layer = m_layerBox->currentIndex();
  m_grid = layer < 0 ? ExpertShareGrid{} : buildExpertShareGrid(m_snapshot.rows, layer);
  const qint64 step = currentStep();
  m_stepLabel->setText(step < 0 ? QString() : tr("step %1").arg(step));
  m_views->showSnapshot(m_snapshot, layer, step);
  if (m_moeRunIds.isEmpty()) {
    m_stack->showMessage(m_anyRuns ? tr("None of the runs has MoE layers: expert load appears for MoE runs.")
                                   : tr("No runs yet \u2014 start a study from the Run menu, or Launch an experiment"));
    return;
  }
  if (m_grid.steps.isEmpty()) {
    m_stack->showMessage(tr("No expert-load snapshots logged yet for this run and layer."));
    m_heatmap->clear();
    return;
  }
  QStringList labels;
  QVector<double> values = m_grid.share;
  for (int e = 0; e < m_grid.experts; ++e)
    labels << (m_grid.deadAtLast.contains(e) ? tr("E%1 dead").arg(e) : tr("E%1").arg(e));
  for (int i = 0; i < values.size(); ++i)
    if (m_grid.dead[i]) values[i] = std::numeric_limits<double>::quiet_NaN();  // drawn in the marked colour
  // Twice the fair share saturates: "overloaded" reads as bright, the rest keeps its contrast.
  const double top = std::max(2.0 * m_grid.fairShare(), std::min(1.0, m_grid.maxShare()));
  m_heatmap->setCells(m_grid.steps, labels, values, top);

  QString summary = tr("%1 experts \u00b7 %2 snapshots \u00b7 fair share %3%")
                        .arg(m_grid.experts)
                        .arg(m_grid.steps.size())
                        .arg(100.0 * m_grid.fairShare(), 0, 'f', 1);
  const QString swatch = QStringLiteral("<span style=\"color:%1\">&#9632;</span>").arg(m_heatmap->markedColor().name());
  if (m_grid.deadAtLast.isEmpty()) {
    summary += tr(" \u00b7 no dead experts at the last snapshot (%1 = share &lt; 1% of fair)").arg(swatch);
  } else {
    QStringList names;
    for (int e : m_grid.deadAtLast) names << tr("E%1").arg(e);
    summary += tr(" \u00b7 <b>dead at the last snapshot: %1</b> (%2 = share &lt; 1% of fair)").arg(names.join(QStringLiteral(", ")), swatch);
  }
  m_summary->setText(summary);
  m_stack->showContent();
}

bool ExpertLoadPanel::isShowingEmptyState() const {
  return m_stack->isShowingMessage();
}

QString ExpertLoadPanel::summaryText() const {
  return m_summary->text();
}

}  // namespace vimoe::widgets
