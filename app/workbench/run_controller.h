// RunController: the Run menu's behaviour. It starts a project's studies as `vimoe study`
// jobs, single experiments from the editor as `vimoe train`, through one JobLauncher: the jobs
// are detached processes that outlive the window, their output in <project>/logs/. It feeds
// their progress to the status-bar widget and their log to the log panel, follows a job that
// an earlier window or a terminal started (the store's open jobs, from the poller), and
// cancels them (SIGTERM to the job's own process: checkpoint, status cancelled).
#pragma once

#include <QObject>
#include <QPointer>
#include <QVector>

#include <optional>

#include "bridge/store_types.h"
#include "workbench_project.h"

class QAction;
class QMenu;

namespace vimoe::widgets {
class JobLauncher;
class LogPanel;
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
  // `vimoe train --resume ID`: a cancelled, failed or lost run continues from its last checkpoint.
  bool startResume(qint64 runId, const QString& runName);
  // SIGTERM to every live job of the project (the one followed and any other).
  void cancel();
  // A job of this project is alive: started here, by an earlier window or from a terminal.
  bool isRunning() const;
  // What runs now, for people: "Study dense-vs-moe (run 13 moe (step 240/1500))", one per job.
  QStringList runningDescriptions() const;
  void setCliPath(const QString& path) { m_cliPath = path; }
  QString cliPath() const { return m_cliPath; }
  widgets::JobLauncher* launcher() const { return m_launcher; }
  QAction* cancelAction() const { return m_cancelAction; }

 public Q_SLOTS:
  // The store's open jobs (StorePoller::jobsChanged): follows a live one when none is followed.
  void setJobs(const QVector<vimoe::widgets::JobSummary>& jobs);

 Q_SIGNALS:
  void runStarted();
  void runEnded(bool succeeded, const QString& summary);
  void errorOccurred(const QString& message);

 private:
  bool launch(const QStringList& args, const QString& what, const QString& logName);
  void onFinished(int exitCode, bool crashed, bool cancelled);
  void updateActions();
  bool isFollowed(const widgets::JobSummary& job) const;

  widgets::LogPanel* m_log;
  widgets::RunProgressWidget* m_progress;
  widgets::JobLauncher* m_launcher;
  QAction* m_cancelAction;
  QPointer<QMenu> m_menu;
  std::optional<WorkbenchProject> m_project;
  QVector<widgets::JobSummary> m_jobs;  // the store's open jobs, as last read
  QString m_cliPath;
  QString m_runningWhat;
};

}  // namespace vimoe::workbench
