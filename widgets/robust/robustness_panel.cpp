#include "robust/robustness_panel.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "common/empty_state.h"
#include "robust/attack_curves_view.h"
#include "robust/attack_example_view.h"
#include "robust/attack_loader.h"
#include "robust/routing_change_view.h"

namespace vimoe::widgets {
namespace {

QGroupBox* group(const QString& title, QWidget* content) {
  auto* box = new QGroupBox(title);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(content);
  return box;
}

QString taskName(const QString& task) {
  if (task == QStringLiteral("zero_shot")) return RobustnessPanel::tr("zero-shot");
  if (task == QStringLiteral("vqa")) return RobustnessPanel::tr("VQA");
  if (task == QStringLiteral("caption")) return RobustnessPanel::tr("caption");
  return task;
}

// "lipschitz/..." eval rows in words.
QString lipschitzName(const QString& metric) {
  const QStringList parts = metric.split(QLatin1Char('/'));
  const QString head = parts.value(0);
  const QString layer = parts.value(1);
  if (head == QStringLiteral("local_l2_mean")) return RobustnessPanel::tr("local Lipschitz (l2 gradient norm), mean");
  if (head == QStringLiteral("local_l2_max")) return RobustnessPanel::tr("local Lipschitz (l2 gradient norm), max");
  if (head == QStringLiteral("local_l1_mean")) return RobustnessPanel::tr("local Lipschitz (l1 gradient norm), mean");
  if (head == QStringLiteral("local_l1_max")) return RobustnessPanel::tr("local Lipschitz (l1 gradient norm), max");
  if (head == QStringLiteral("ffn_bound"))
    return parts.size() > 2 ? RobustnessPanel::tr("FFN bound ||W1|| ||W2||, %1 expert %2").arg(layer, parts.value(2))
                            : RobustnessPanel::tr("FFN bound ||W1|| ||W2||, %1").arg(layer);
  if (head == QStringLiteral("lemma1_expert")) return RobustnessPanel::tr("Lemma 1, expert term (max L_i), %1").arg(layer);
  if (head == QStringLiteral("lemma1_router")) return RobustnessPanel::tr("Lemma 1, router term (max), %1").arg(layer);
  return metric;
}

}  // namespace

RobustnessPanel::RobustnessPanel(QWidget* parent)
    : QWidget(parent),
      m_loader(new AttackLoader(this)),
      m_list(new QTreeWidget),
      m_curves(new AttackCurvesView),
      m_routing(new RoutingChangeView),
      m_examples(new AttackExampleView),
      m_lipschitz(new QTableWidget(0, 2)),
      m_lipschitzNote(new QLabel),
      m_runNote(new QLabel) {
  m_list->setObjectName(QStringLiteral("attackRunList"));
  m_list->setRootIsDecorated(false);
  m_list->setUniformRowHeights(true);
  m_list->setAlternatingRowColors(true);
  m_list->setHeaderLabels({tr("Attack run"), tr("Attacked run"), tr("Attack"), tr("Task"), tr("Samples"), tr("Model")});
  m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_list->header()->setStretchLastSection(false);
  m_list->setToolTip(tr("Tick runs to draw them on the curves; select one for its routing change, examples and "
                        "Lipschitz estimates."));
  m_runNote->setWordWrap(true);
  m_lipschitz->setObjectName(QStringLiteral("lipschitzTable"));
  m_lipschitz->setHorizontalHeaderLabels({tr("Estimate"), tr("Value")});
  m_lipschitz->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_lipschitz->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  m_lipschitz->verticalHeader()->hide();
  m_lipschitz->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_lipschitzNote->setWordWrap(true);

  auto* runsBox = new QWidget;
  auto* runsLayout = new QVBoxLayout(runsBox);
  runsLayout->setContentsMargins(0, 0, 0, 0);
  runsLayout->addWidget(m_list, 1);
  runsLayout->addWidget(m_runNote);
  auto* lipschitzBox = new QWidget;
  auto* lipschitzLayout = new QVBoxLayout(lipschitzBox);
  lipschitzLayout->setContentsMargins(0, 0, 0, 0);
  lipschitzLayout->addWidget(m_lipschitz, 1);
  lipschitzLayout->addWidget(m_lipschitzNote);

  auto* top = new QSplitter(Qt::Horizontal);
  top->addWidget(group(tr("Attack runs"), runsBox));
  top->addWidget(group(tr("Task metric vs eps (checked runs)"), m_curves));
  top->setStretchFactor(0, 2);
  top->setStretchFactor(1, 3);
  auto* left = new QSplitter(Qt::Vertical);
  left->addWidget(group(tr("Routing change (selected run)"), m_routing));
  left->addWidget(group(tr("Lipschitz estimates (selected run)"), lipschitzBox));
  left->setStretchFactor(0, 3);
  left->setStretchFactor(1, 2);
  left->setMinimumWidth(340);  // room for the layer names under the bars and the Lipschitz table
  auto* bottom = new QSplitter(Qt::Horizontal);
  bottom->addWidget(left);
  bottom->addWidget(group(tr("Examples (selected run)"), m_examples));
  bottom->setStretchFactor(0, 2);
  bottom->setStretchFactor(1, 3);
  auto* content = new QSplitter(Qt::Vertical);
  content->addWidget(top);
  content->addWidget(bottom);
  content->setStretchFactor(0, 2);
  content->setStretchFactor(1, 3);
  m_stack = new EmptyState(content, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_stack);

  connect(m_loader, &AttackLoader::loaded, this, &RobustnessPanel::applySnapshot);
  connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem*, int column) {
    if (column == RunColumn) onCheckChanged();
  });
  connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
    if (!item) return;
    m_wantedRun = item->data(RunColumn, Qt::UserRole).toLongLong();
    showCurrent();
  });
  connect(m_list, &QTreeWidget::itemPressed, this, [this] { m_userChoseRun = true; });
  updateState();
}

RobustnessPanel::~RobustnessPanel() = default;

QString RobustnessPanel::noAttackRunsMessage() {
  return tr("No attack runs in this project yet. Attack a trained run from the command line:\n"
            "vimoe attack --checkpoint <project> --attack pgd --eps 1/255,2/255,4/255,8/255\n"
            "or run the dense-vs-MoE robustness study (also in the Run menu):\n"
            "vimoe study studies/robust-dense-vs-moe.json");
}

qint64 RobustnessPanel::currentRun() const {
  const QTreeWidgetItem* item = m_list->currentItem();
  return item ? item->data(RunColumn, Qt::UserRole).toLongLong() : -1;
}

QVector<qint64> RobustnessPanel::checkedRuns() const {
  QVector<qint64> ids;
  for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
    const QTreeWidgetItem* item = m_list->topLevelItem(i);
    if (item->checkState(RunColumn) == Qt::Checked) ids << item->data(RunColumn, Qt::UserRole).toLongLong();
  }
  return ids;
}

void RobustnessPanel::setRunChecked(qint64 runId, bool checked) {
  for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = m_list->topLevelItem(i);
    if (item->data(RunColumn, Qt::UserRole).toLongLong() == runId) item->setCheckState(RunColumn, checked ? Qt::Checked : Qt::Unchecked);
  }
}

const AttackRun* RobustnessPanel::run(qint64 runId) const {
  for (const auto& r : m_snapshot.runs)
    if (r.runId == runId) return &r;
  return nullptr;
}

bool RobustnessPanel::isLoading() const {
  return m_loader->isBusy();
}
bool RobustnessPanel::isShowingEmptyState() const {
  return m_stack->isShowingMessage();
}
QString RobustnessPanel::emptyMessage() const {
  return m_stack->message();
}

void RobustnessPanel::setStorePath(const QString& path) {
  if (path == m_loader->storePath()) return;
  m_loader->setStorePath(path);
  m_snapshot = AttackSnapshot{};
  m_readOnce = false;
  m_runsKey.clear();
  fillList();
  if (!path.isEmpty()) refresh();
  updateState();
}

void RobustnessPanel::refresh() {
  m_loader->request();
}

void RobustnessPanel::setRuns(const QVector<RunSummary>& runs) {
  // What an attack run looks like from the runs list: its rows and report change with these.
  QStringList parts;
  for (const auto& run : runs)
    if (run.kind == QStringLiteral("attack"))
      parts << QStringLiteral("%1:%2:%3:%4").arg(run.id).arg(run.step).arg(run.status, run.checkpointDir);
  const QString key = parts.join(QLatin1Char(','));
  if (key == m_runsKey && m_readOnce) return;
  m_runsKey = key;
  if (!m_loader->storePath().isEmpty()) refresh();
}

bool RobustnessPanel::showRun(qint64 runId) {
  const AttackRun* chosen = run(runId);
  if (!chosen)
    for (const auto& r : m_snapshot.runs)
      if (r.parentRunId == runId) chosen = &r;  // the newest attack of that training run
  if (!chosen) return false;
  m_userChoseRun = true;
  m_wantedRun = chosen->runId;
  for (int i = 0; i < m_list->topLevelItemCount(); ++i)
    if (m_list->topLevelItem(i)->data(RunColumn, Qt::UserRole).toLongLong() == m_wantedRun)
      m_list->setCurrentItem(m_list->topLevelItem(i));
  return true;
}

void RobustnessPanel::applySnapshot(const AttackSnapshot& snapshot) {
  m_snapshot = snapshot;
  m_readOnce = true;
  fillList();
  updateState();
  Q_EMIT snapshotShown();
}

void RobustnessPanel::fillList() {
  {
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const auto& r : m_snapshot.runs) {
      auto* item = new QTreeWidgetItem;
      QString name = QStringLiteral("#%1 %2").arg(r.runId).arg(r.name);
      if (r.status != QStringLiteral("finished")) name += QStringLiteral(" (%1)").arg(r.status);
      item->setText(RunColumn, name);
      item->setData(RunColumn, Qt::UserRole, r.runId);
      item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
      item->setCheckState(RunColumn, m_unchecked.contains(r.runId) ? Qt::Unchecked : Qt::Checked);
      item->setText(AttackedColumn, r.parentRunId >= 0 ? QStringLiteral("#%1 %2").arg(r.parentRunId).arg(r.parentName)
                                                       : r.parentName);
      item->setText(AttackColumn, r.attack + (r.auxLoss ? QStringLiteral("+aux") : QString()));
      item->setText(TaskColumn, taskName(r.task));
      item->setText(SamplesColumn, r.samples > 0 ? QString::number(r.samples) : QString());
      item->setTextAlignment(SamplesColumn, Qt::AlignRight | Qt::AlignVCenter);
      item->setText(ModelColumn, r.isMoe() ? tr("MoE \u00b7 %n layer(s)", nullptr, static_cast<int>(r.layers.size()))
                                           : tr("dense"));
      if (!r.reportProblem.isEmpty()) item->setToolTip(RunColumn, r.reportProblem);
      m_list->addTopLevelItem(item);
    }
    // Until the user picks one, the newest attack is the selected run (the one a study just made).
    int index = -1;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
      if (m_list->topLevelItem(i)->data(RunColumn, Qt::UserRole).toLongLong() == m_wantedRun) index = i;
    if (index < 0 || !m_userChoseRun) index = m_list->topLevelItemCount() - 1;
    if (index >= 0) {
      m_list->setCurrentItem(m_list->topLevelItem(index));
      m_wantedRun = m_list->topLevelItem(index)->data(RunColumn, Qt::UserRole).toLongLong();
    }
  }
  onCheckChanged();
  showCurrent();
}

void RobustnessPanel::onCheckChanged() {
  QVector<AttackRun> checked;
  for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
    const QTreeWidgetItem* item = m_list->topLevelItem(i);
    const qint64 id = item->data(RunColumn, Qt::UserRole).toLongLong();
    if (item->checkState(RunColumn) == Qt::Checked) {
      m_unchecked.remove(id);
      if (const AttackRun* r = run(id)) checked << *r;
    } else {
      m_unchecked.insert(id);
    }
  }
  m_curves->setRuns(checked);
  m_runNote->setText(checked.isEmpty() ? tr("Tick a run to draw its curve.")
                                       : tr("%n run(s) on the curves.", nullptr, static_cast<int>(checked.size())));
}

void RobustnessPanel::showCurrent() {
  const AttackRun* r = run(currentRun());
  if (!r) {
    m_routing->clear();
    m_examples->clear();
    fillLipschitz(nullptr);
    return;
  }
  m_routing->setRun(*r);
  m_examples->setRun(*r);
  fillLipschitz(r);
}

void RobustnessPanel::fillLipschitz(const AttackRun* r) {
  m_lipschitz->setRowCount(0);
  const bool any = r && !r->lipschitz.isEmpty();
  m_lipschitz->setVisible(any);
  if (!any) {
    m_lipschitzNote->setText(r ? tr("No Lipschitz estimates for this run: add --lipschitz to vimoe attack.") : QString());
    return;
  }
  m_lipschitzNote->setText(tr("Local: the largest input-gradient norm found near each sample; FFN bound: the "
                              "product of spectral norms; Lemma 1: the two terms of the smooth-MoE bound."));
  m_lipschitz->setRowCount(static_cast<int>(r->lipschitz.size()));
  for (int i = 0; i < r->lipschitz.size(); ++i) {
    const LipschitzEntry& e = r->lipschitz[i];
    auto* name = new QTableWidgetItem(lipschitzName(e.metric));
    name->setToolTip(QStringLiteral("lipschitz/") + e.metric);
    auto* value = new QTableWidgetItem(QString::number(e.value, 'g', 4));
    value->setData(Qt::UserRole, e.value);
    value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_lipschitz->setItem(i, 0, name);
    m_lipschitz->setItem(i, 1, value);
  }
}

void RobustnessPanel::updateState() {
  if (m_loader->storePath().isEmpty()) return m_stack->showMessage(tr("No run store is open."));
  if (!m_snapshot.error.isEmpty()) return m_stack->showMessage(m_snapshot.error);
  if (!m_readOnce) return m_stack->showMessage(tr("Reading attack runs\u2026"));
  if (m_snapshot.runs.isEmpty()) return m_stack->showMessage(noAttackRunsMessage());
  m_stack->showContent();
}

}  // namespace vimoe::widgets
