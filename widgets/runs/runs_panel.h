// RunsPanel: the runs table. Several runs can be selected (ctrl/shift-click) to overlay their
// curves; the selection is published as run ids, never as rows, because rows move when the
// table is sorted or the store gains runs. Its context menu asks for a run's resume, notes or
// deletion; the window decides (and confirms) what happens, the panel never writes the store.
#pragma once

#include <QVector>
#include <QWidget>

class QSortFilterProxyModel;
class QTableView;

namespace vimoe::widgets {

class EmptyState;
class RunsModel;

class RunsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit RunsPanel(RunsModel* model, QWidget* parent = nullptr);

  QVector<qint64> selectedRunIds() const;  // in table order
  void selectRuns(const QVector<qint64>& runIds);
  // Shown instead of the table while it has no rows.
  void setEmptyMessage(const QString& message);
  QString emptyMessage() const { return m_emptyMessage; }
  bool isShowingEmptyState() const;
  QTableView* view() const { return m_view; }

 Q_SIGNALS:
  void selectionChanged(const QVector<qint64>& runIds);
  void resumeRequested(qint64 runId);
  void notesEditRequested(qint64 runId);
  void deleteRequested(qint64 runId);

 private:
  void updateEmptyState();
  void publishSelection();
  void showContextMenu(const QPoint& position);

  RunsModel* m_model;
  QSortFilterProxyModel* m_proxy;
  QTableView* m_view;
  EmptyState* m_stack;
  QString m_emptyMessage;
  QVector<qint64> m_lastPublished;
};

}  // namespace vimoe::widgets
