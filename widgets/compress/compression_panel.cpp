#include "compress/compression_panel.h"

#include <QComboBox>
#include <QFont>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "common/empty_state.h"
#include "compress/compress_loader.h"
#include "compress/compress_plots.h"
#include "plot/curve_plot.h"

namespace vimoe::widgets {
namespace {

QGroupBox* group(const QString& title, QWidget* content) {
  auto* box = new QGroupBox(title);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(content);
  return box;
}

QString number(double value, int decimals) {
  return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("\u2014");
}

QString count(double value) {
  return std::isfinite(value) ? QLocale().toString(static_cast<qlonglong>(std::llround(value))) : QStringLiteral("\u2014");
}

// "after (before)" for the size columns: the dense row's figure is the "before".
QTableWidgetItem* cell(const QString& text, double value, const QString& tip = QString()) {
  auto* item = new QTableWidgetItem(text);
  item->setData(Qt::UserRole, value);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  if (!tip.isEmpty()) item->setToolTip(tip);
  return item;
}

}  // namespace

CompressionPanel::CompressionPanel(QWidget* parent)
    : QWidget(parent),
      m_loader(new CompressLoader(this)),
      m_runBox(new QComboBox),
      m_planBox(new QComboBox),
      m_summary(new QLabel),
      m_bars(new RankBarsChart),
      m_barsNote(new QLabel),
      m_reward(new CurvePlot),
      m_rewardNote(new QLabel),
      m_pareto(new ParetoPlot),
      m_table(new QTableWidget(0, ColumnCount)) {
  m_runBox->setObjectName(QStringLiteral("compressRunBox"));
  m_planBox->setObjectName(QStringLiteral("compressPlanBox"));
  m_runBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_planBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_planBox->setToolTip(tr("Whose per-layer ranks the bars show: the plan written to the checkpoint, or a baseline's"));
  m_summary->setWordWrap(true);
  m_barsNote->setWordWrap(true);
  m_rewardNote->setWordWrap(true);
  m_reward->setAxisLabels(tr("episode"), tr("reward (ranking metric / dense)"));
  m_reward->setMinimumHeight(160);
  m_bars->setMinimumHeight(180);
  m_pareto->setMinimumHeight(180);
  m_table->setObjectName(QStringLiteral("compressTable"));
  m_table->setHorizontalHeaderLabels({tr("Plan"), tr("Ranking metric"), tr("Report metric"), tr("Size ratio"),
                                      tr("Model size ratio"), tr("Parameters"), tr("MACs / token"), tr("Bytes")});
  m_table->horizontalHeaderItem(MacsColumn)->setToolTip(tr("Multiply-accumulates per token of the factorisable "
                                                           "matrices (FLOPs \u2248 2 \u00d7 MACs)"));
  m_table->horizontalHeaderItem(MetricColumn)->setToolTip(tr("Mean of R@1 and R@5 both ways on the ranking set (the reward's)"));
  m_table->horizontalHeaderItem(ReportColumn)->setToolTip(tr("The same on the held-out report set, never seen by the agent"));
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Run:")));
  bar->addWidget(m_runBox);
  bar->addWidget(m_summary, 1);

  auto* barsBox = new QWidget;
  auto* barsLayout = new QVBoxLayout(barsBox);
  barsLayout->setContentsMargins(0, 0, 0, 0);
  auto* planRow = new QHBoxLayout;
  planRow->addWidget(new QLabel(tr("Plan:")));
  planRow->addWidget(m_planBox);
  planRow->addWidget(m_barsNote, 1);
  barsLayout->addLayout(planRow);
  barsLayout->addWidget(m_bars, 1);
  auto* rewardBox = new QWidget;
  auto* rewardLayout = new QVBoxLayout(rewardBox);
  rewardLayout->setContentsMargins(0, 0, 0, 0);
  rewardLayout->addWidget(m_reward, 1);
  rewardLayout->addWidget(m_rewardNote);

  auto* top = new QSplitter(Qt::Horizontal);
  top->addWidget(group(tr("Kept rank per matrix"), barsBox));
  top->addWidget(group(tr("Reward over episodes"), rewardBox));
  top->setStretchFactor(0, 3);
  top->setStretchFactor(1, 2);
  auto* bottom = new QSplitter(Qt::Horizontal);
  bottom->addWidget(group(tr("Pareto: ranking metric vs size"), m_pareto));
  bottom->addWidget(group(tr("Before / after"), m_table));
  bottom->setStretchFactor(0, 2);
  bottom->setStretchFactor(1, 3);
  auto* splitter = new QSplitter(Qt::Vertical);
  splitter->addWidget(top);
  splitter->addWidget(bottom);
  auto* content = new QWidget;
  auto* contentLayout = new QVBoxLayout(content);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addLayout(bar);
  contentLayout->addWidget(splitter, 1);
  m_stack = new EmptyState(content, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_stack);

  connect(m_loader, &CompressLoader::loaded, this, &CompressionPanel::applySnapshot);
  connect(m_runBox, qOverload<int>(&QComboBox::activated), this, [this] { m_userChoseRun = true; });
  connect(m_runBox, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    m_wantedRun = currentRun();
    showCurrent();
  });
  connect(m_planBox, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    if (const CompressRun* r = run(currentRun())) {
      m_bars->setBars(widgets::rankBars(*r, currentPlan()));
      m_barsNote->setText(currentPlan() == r->writtenPlan ? tr("the plan written to the checkpoint")
                                                          : tr("a plan measured for comparison"));
    }
  });
  updateState();
}

CompressionPanel::~CompressionPanel() = default;

QString CompressionPanel::noCompressRunsMessage() {
  return tr("No compression runs in this project yet. Compress a trained contrastive run from the command line:\n"
            "vimoe compress --checkpoint <project> --budget 0.5 --agent ppo\n"
            "(--agent reinforce, or a baseline: uniform, energy, asvd).");
}

qint64 CompressionPanel::currentRun() const {
  return m_runBox->currentIndex() < 0 ? -1 : m_runBox->currentData().toLongLong();
}
QString CompressionPanel::currentPlan() const {
  return m_planBox->currentData().toString();
}
void CompressionPanel::setPlan(const QString& plan) {
  if (const int index = m_planBox->findData(plan); index >= 0) m_planBox->setCurrentIndex(index);
}
const CompressRun* CompressionPanel::run(qint64 runId) const {
  for (const auto& r : m_snapshot.runs)
    if (r.runId == runId) return &r;
  return nullptr;
}
bool CompressionPanel::isLoading() const {
  return m_loader->isBusy();
}
bool CompressionPanel::isShowingEmptyState() const {
  return m_stack->isShowingMessage();
}
QString CompressionPanel::emptyMessage() const {
  return m_stack->message();
}
QString CompressionPanel::summaryText() const {
  return m_summary->text();
}
QString CompressionPanel::rewardNote() const {
  return m_rewardNote->text();
}

void CompressionPanel::setStorePath(const QString& path) {
  if (path == m_loader->storePath()) return;
  m_loader->setStorePath(path);
  m_snapshot = CompressSnapshot{};
  m_readOnce = false;
  m_runsKey.clear();
  fillRuns();
  if (!path.isEmpty()) refresh();
  updateState();
}

void CompressionPanel::refresh() {
  m_loader->request();
}

void CompressionPanel::setRuns(const QVector<RunSummary>& runs) {
  QStringList parts;
  for (const auto& run : runs)
    if (run.kind == QStringLiteral("compress"))
      parts << QStringLiteral("%1:%2:%3:%4").arg(run.id).arg(run.step).arg(run.status, run.checkpointDir);
  const QString key = parts.join(QLatin1Char(','));
  if (key == m_runsKey && m_readOnce) return;
  m_runsKey = key;
  if (!m_loader->storePath().isEmpty()) refresh();
}

bool CompressionPanel::showRun(qint64 runId) {
  const CompressRun* chosen = run(runId);
  if (!chosen)
    for (const auto& r : m_snapshot.runs)
      if (r.parentRunId == runId) chosen = &r;
  if (!chosen) return false;
  m_userChoseRun = true;
  m_wantedRun = chosen->runId;
  m_runBox->setCurrentIndex(m_runBox->findData(chosen->runId));
  return true;
}

void CompressionPanel::applySnapshot(const CompressSnapshot& snapshot) {
  m_snapshot = snapshot;
  m_readOnce = true;
  fillRuns();
  updateState();
  Q_EMIT snapshotShown();
}

void CompressionPanel::fillRuns() {
  {
    const QSignalBlocker blocker(m_runBox);
    m_runBox->clear();
    for (const auto& r : m_snapshot.runs) {
      QString label = QStringLiteral("#%1 %2").arg(r.runId).arg(r.name);
      if (r.status != QStringLiteral("finished")) label += QStringLiteral(" (%1)").arg(r.status);
      m_runBox->addItem(label, r.runId);
    }
    int index = m_runBox->findData(m_wantedRun);
    if (index < 0 || !m_userChoseRun) index = m_runBox->count() - 1;  // the newest until the user picks
    m_runBox->setCurrentIndex(index);
  }
  m_wantedRun = currentRun();
  showCurrent();
}

void CompressionPanel::showCurrent() {
  const CompressRun* r = run(currentRun());
  if (!r) {
    m_summary->clear();
    m_bars->setBars({});
    m_reward->clear();
    m_pareto->setPoints({}, QString());
    m_table->setRowCount(0);
    return;
  }
  QString summary = tr("budget %1 \u00b7 agent %2").arg(r->budget, 0, 'g', 3).arg(r->agent);
  if (r->isAgent()) summary += tr(" \u00b7 %n episode(s)", nullptr, r->episodes);
  if (!r->methods.isEmpty()) summary += tr(" \u00b7 methods %1").arg(r->methods);
  if (!r->parentName.isEmpty()) summary += tr(" \u00b7 source #%1 %2").arg(r->parentRunId).arg(r->parentName);
  if (!r->writtenPlan.isEmpty()) summary += tr(" \u00b7 written: %1").arg(r->writtenPlan);
  m_summary->setText(summary);
  fillPlans(*r);
  fillReward(*r);
  m_pareto->setPoints(r->pareto, r->writtenPlan);
  fillTable(*r);
}

void CompressionPanel::fillPlans(const CompressRun& r) {
  // Another run opens on its written plan; a re-read of the same run keeps the user's choice.
  const QString previous = m_planBox->property("runId").toLongLong() == r.runId ? currentPlan() : QString();
  m_planBox->setProperty("runId", r.runId);
  {
    const QSignalBlocker blocker(m_planBox);
    m_planBox->clear();
    if (!r.writtenPlan.isEmpty()) m_planBox->addItem(tr("%1 (written)").arg(r.writtenPlan), r.writtenPlan);
    for (const auto& p : r.plans)
      if (p.name != r.writtenPlan && p.name != QStringLiteral("dense") && p.ranks.size() == r.layers.size())
        m_planBox->addItem(p.name, p.name);
    const int index = m_planBox->findData(previous);
    m_planBox->setCurrentIndex(index >= 0 ? index : 0);
  }
  m_bars->setBars(widgets::rankBars(r, currentPlan()));
  if (r.layers.isEmpty())
    m_barsNote->setText(r.status == QStringLiteral("running") ? tr("the plan is written when the search ends")
                                                              : tr("no per-layer plan stored"));
  else
    m_barsNote->setText(currentPlan() == r.writtenPlan ? tr("the plan written to the checkpoint")
                                                       : tr("a plan measured for comparison"));
}

void CompressionPanel::fillReward(const CompressRun& r) {
  m_reward->clear();
  if (r.reward.isEmpty()) {
    m_rewardNote->setText(r.isAgent() ? tr("No episodes stored yet.")
                                      : tr("A baseline agent (%1): no RL episodes, so no reward curve.").arg(r.agent));
    return;
  }
  m_reward->addSeries(RewardCurve, tr("reward"));
  m_reward->setSeriesPoints(RewardCurve, r.episodeSteps, r.reward);
  if (r.baseline.size() == r.reward.size()) {
    m_reward->addSeries(BaselineCurve, r.agent == QStringLiteral("ppo") ? tr("value estimate") : tr("baseline"));
    m_reward->setSeriesPoints(BaselineCurve, r.episodeSteps, r.baseline);
  }
  if (r.bestReward.size() == r.reward.size()) {
    m_reward->addSeries(BestCurve, tr("best so far"));
    m_reward->setSeriesPoints(BestCurve, r.episodeSteps, r.bestReward);
  }
  double best = r.bestReward.isEmpty() ? r.reward.front() : r.bestReward.back();
  m_rewardNote->setText(tr("%n episode(s); best reward %1", nullptr, static_cast<int>(r.reward.size())).arg(best, 0, 'f', 4));
}

void CompressionPanel::fillTable(const CompressRun& r) {
  m_table->setRowCount(static_cast<int>(r.plans.size()));
  const CompressPlan* dense = r.plan(QStringLiteral("dense"));
  for (int row = 0; row < r.plans.size(); ++row) {
    const CompressPlan& p = r.plans[row];
    const bool written = p.name == r.writtenPlan;
    auto* name = new QTableWidgetItem(written ? tr("%1 (written)").arg(p.name) : p.name);
    name->setData(Qt::UserRole, p.name);
    if (written) {
      QFont bold = name->font();
      bold.setBold(true);
      name->setFont(bold);
    }
    m_table->setItem(row, PlanColumn, name);
    // Dense is the "before" of every row; the others say how far they moved from it.
    const auto delta = [&](double value, double base) {
      return dense && std::isfinite(base) && p.name != QStringLiteral("dense") && std::isfinite(value)
                 ? tr("%1 vs dense").arg(value - base >= 0 ? QStringLiteral("+%1").arg(value - base, 0, 'f', 4)
                                                           : QString::number(value - base, 'f', 4))
                 : QString();
    };
    m_table->setItem(row, MetricColumn, cell(number(p.metric, 4), p.metric, delta(p.metric, dense ? dense->metric : NAN)));
    m_table->setItem(row, ReportColumn,
                     cell(number(p.reportMetric, 4), p.reportMetric, delta(p.reportMetric, dense ? dense->reportMetric : NAN)));
    m_table->setItem(row, SizeColumn, cell(number(p.sizeRatio, 3), p.sizeRatio));
    m_table->setItem(row, ModelSizeColumn, cell(number(p.modelSizeRatio, 3), p.modelSizeRatio));
    m_table->setItem(row, ParamsColumn, cell(count(p.params), p.params, tr("before: %1").arg(count(p.paramsBefore))));
    m_table->setItem(row, MacsColumn, cell(count(p.macs), p.macs, tr("before: %1").arg(count(p.macsBefore))));
    m_table->setItem(row, BytesColumn, cell(count(p.bytes), p.bytes, tr("before: %1").arg(count(p.bytesBefore))));
  }
}

void CompressionPanel::updateState() {
  if (m_loader->storePath().isEmpty()) return m_stack->showMessage(tr("No run store is open."));
  if (!m_snapshot.error.isEmpty()) return m_stack->showMessage(m_snapshot.error);
  if (!m_readOnce) return m_stack->showMessage(tr("Reading compression runs\u2026"));
  if (m_snapshot.runs.isEmpty()) return m_stack->showMessage(noCompressRunsMessage());
  m_stack->showContent();
}

}  // namespace vimoe::widgets
