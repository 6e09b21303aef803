#include "runs/runs_panel.h"

#include <QHeaderView>
#include <QMenu>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "common/empty_state.h"
#include "runs/runs_model.h"

namespace vimoe::widgets {

RunsPanel::RunsPanel(RunsModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)), m_view(new QTableView) {
  m_proxy->setSourceModel(model);
  m_proxy->setSortRole(RunsModel::kSortRole);
  m_view->setModel(m_proxy);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_view->setSortingEnabled(true);
  m_view->sortByColumn(RunsModel::Id, Qt::AscendingOrder);
  m_view->setAlternatingRowColors(true);
  m_view->setWordWrap(false);
  m_view->setTextElideMode(Qt::ElideMiddle);  // run names share prefixes ("study/variant")
  m_view->verticalHeader()->hide();
  m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
  m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  // Full names (studies share prefixes: "study/variant"); the table scrolls sideways instead.
  m_view->horizontalHeader()->setStretchLastSection(true);
  m_view->setObjectName(QStringLiteral("runsTable"));

  m_stack = new EmptyState(m_view, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_stack);

  m_view->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(m_view, &QWidget::customContextMenuRequested, this, &RunsPanel::showContextMenu);
  connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::publishSelection);
  // A reset clears the selection without selectionChanged.
  connect(m_model, &QAbstractItemModel::modelReset, this, &RunsPanel::publishSelection);
  connect(m_model, &QAbstractItemModel::modelReset, this, &RunsPanel::updateEmptyState);
  connect(m_model, &QAbstractItemModel::rowsInserted, this, &RunsPanel::updateEmptyState);
  connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RunsPanel::updateEmptyState);
  setEmptyMessage(tr("No runs yet \u2014 start a study from the Run menu, or Launch an experiment"));
}

QVector<qint64> RunsPanel::selectedRunIds() const {
  QModelIndexList rows = m_view->selectionModel()->selectedRows(RunsModel::Id);
  std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
  QVector<qint64> ids;
  for (const QModelIndex& index : rows) ids << index.data(RunsModel::kRunIdRole).toLongLong();
  return ids;
}

void RunsPanel::selectRuns(const QVector<qint64>& runIds) {
  QItemSelection selection;
  for (qint64 id : runIds) {
    const int row = m_model->rowOfRun(id);
    if (row < 0) continue;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    selection.select(index, index);
  }
  m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RunsPanel::setEmptyMessage(const QString& message) {
  m_emptyMessage = message;
  updateEmptyState();
}

bool RunsPanel::isShowingEmptyState() const {
  return m_stack->isShowingMessage();
}

void RunsPanel::updateEmptyState() {
  if (m_model->rowCount() == 0)
    m_stack->showMessage(m_emptyMessage);
  else
    m_stack->showContent();
}

void RunsPanel::showContextMenu(const QPoint& position) {
  const QModelIndex index = m_view->indexAt(position);
  if (!index.isValid()) return;
  const qint64 runId = index.data(RunsModel::kRunIdRole).toLongLong();
  const RunSummary* run = m_model->runById(runId);
  if (!run) return;
  QMenu menu(this);
  QAction* resume = menu.addAction(tr("&Resume from the last checkpoint"));
  // Only a run that stopped early has something to resume; a running one is still writing, a
  // lost one was killed (its process is gone) and continues from its last checkpoint.
  resume->setEnabled(run->status == QLatin1String("cancelled") || run->status == QLatin1String("failed") ||
                     run->isLost());
  QAction* notes = menu.addAction(tr("Edit &notes\u2026"));
  menu.addSeparator();
  // A run marked running may be one whose process was killed: the window asks before deleting it.
  QAction* remove = menu.addAction(tr("&Delete run\u2026"));
  QAction* chosen = menu.exec(m_view->viewport()->mapToGlobal(position));
  if (chosen == resume) Q_EMIT resumeRequested(runId);
  if (chosen == notes) Q_EMIT notesEditRequested(runId);
  if (chosen == remove) Q_EMIT deleteRequested(runId);
}

void RunsPanel::publishSelection() {
  const QVector<qint64> ids = selectedRunIds();
  if (ids == m_lastPublished) return;
  m_lastPublished = ids;
  Q_EMIT selectionChanged(ids);
}

}  // namespace vimoe::widgets
