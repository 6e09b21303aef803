// RunActions: what the runs table's context menu asks for — resume a stopped run, edit its
// notes, delete it (optionally with its checkpoints) — with the confirmations at this top
// level, the store writes on worker threads (widgets/bridge/run_edits.h), and a store poll
// afterwards so the table shows the change. Tests call the direct forms (no dialogs).
#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace vimoe::widgets {
class RunsModel;
class StorePoller;
}  // namespace vimoe::widgets

namespace vimoe::workbench {

class RunController;

class RunActions : public QObject {
  Q_OBJECT

 public:
  RunActions(QWidget* dialogParent, widgets::RunsModel* runs, widgets::StorePoller* poller, RunController* controller);

  void setProject(const QString& projectDir, const QString& storePath);
  void setDialogsEnabled(bool enabled) { m_dialogs = enabled; }

  // With dialogs: ask, then act. The direct forms act at once (tests, scripts).
  void resume(qint64 runId);
  void editNotes(qint64 runId);
  void confirmDelete(qint64 runId);
  void setNotes(qint64 runId, const QString& notes);
  // staleRunning: also a run marked running (the user confirmed its process is gone).
  void deleteRun(qint64 runId, bool withCheckpoints, bool staleRunning = false);

 Q_SIGNALS:
  void done(const QString& what);  // after a successful write, once the poller was asked to look
  void errorOccurred(const QString& message);

 private:
  void finish(const QString& error, const QString& what);

  QWidget* m_parent;
  widgets::RunsModel* m_runs;
  widgets::StorePoller* m_poller;
  RunController* m_controller;
  QString m_projectDir;
  QString m_storePath;
  bool m_dialogs = true;
};

}  // namespace vimoe::workbench
