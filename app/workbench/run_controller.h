// RunController: the Run menu's behaviour. It starts a project's studies as `vimoe study`
// child processes, and single experiments from the editor as `vimoe train`, through one
// RunLauncher, feeds their progress to the status-bar widget and their output to the log
// panel, and cancels them (SIGTERM: checkpoint, status cancelled).
#pragma once

#include <QObject>
#include <QPointer>

#include <optional>

#include "workbench_project.h"

class QAction;
class QMenu;

namespace vimoe::widgets {
class LogPanel;
class RunLauncher;
class RunProgressWidget;
}  // namespace vimoe::widgets

namespace vimoe::workbench {

class RunController : public QObject {
  Q_OBJECT

 public:
  RunController(widgets::LogPanel* log, widgets::RunProgressWidget* progress, QObject* parent = nullptr);

  void setProject(const WorkbenchProject& project);
  void clearProject();
  // Rebuilds `menu`: "Run <study>" and "Run <study> (smoke)" per study, then "Cancel run".
  void fillMenu(QMenu* menu);
  bool startStudy(const StudyEntry& study, bool smoke);
  // `vimoe train CONFIG --store <project store> --project <project dir>`: relative paths in
  // the config resolve against the open project wherever the file was saved.
  bool startTrain(const QString& configFile);
  // `vimoe train --resume ID`: a cancelled or failed run continues from its last checkpoint.
  bool startResume(qint64 runId, const QString& runName);
  void cancel();
  bool isRunning() const;
  void setCliPath(const QString& path) { m_cliPath = path; }
  QString cliPath() const { return m_cliPath; }
  widgets::RunLauncher* launcher() const { return m_launcher; }
  QAction* cancelAction() const { return m_cancelAction; }

 Q_SIGNALS:
  void runStarted();
  void runEnded(bool succeeded, const QString& summary);
  void errorOccurred(const QString& message);

 private:
  void onFinished(int exitCode, bool crashed, bool cancelled);
  void updateActions();

  widgets::LogPanel* m_log;
  widgets::RunProgressWidget* m_progress;
  widgets::RunLauncher* m_launcher;
  QAction* m_cancelAction;
  QPointer<QMenu> m_menu;
  std::optional<WorkbenchProject> m_project;
  QString m_cliPath;
  QString m_runningWhat;
};

}  // namespace vimoe::workbench
