#include "run_controller.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QRegularExpression>

#include "bridge/job_launcher.h"
#include "cli_locator.h"
#include "log/log_panel.h"
#include "runs/run_progress_widget.h"

namespace vimoe::workbench {

RunController::RunController(widgets::LogPanel* log, widgets::RunProgressWidget* progress, QObject* parent)
    : QObject(parent),
      m_log(log),
      m_progress(progress),
      m_launcher(new widgets::JobLauncher(this)),
      m_cancelAction(new QAction(tr("&Cancel run"), this)),
      m_cliPath(findVimoeCli()) {
  m_cancelAction->setObjectName(QStringLiteral("actionCancelRun"));
  m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
  connect(m_cancelAction, &QAction::triggered, this, &RunController::cancel);

  connect(m_launcher, &widgets::JobLauncher::started, this, [this](const QString& commandLine) {
    m_log->appendLine(QStringLiteral("$ ") + commandLine);
    m_progress->showStarting(m_runningWhat);
    Q_EMIT runStarted();
  });
  connect(m_launcher, &widgets::JobLauncher::progressed, m_progress, &widgets::RunProgressWidget::showProgress);
  connect(m_launcher, &widgets::JobLauncher::logLine, m_log, &widgets::LogPanel::appendLine);
  connect(m_launcher, &widgets::JobLauncher::failedToStart, this, [this](const QString& message) {
    m_log->appendLine(message);
    m_progress->showIdle();
    updateActions();
    Q_EMIT errorOccurred(message);
  });
  connect(m_launcher, &widgets::JobLauncher::finished, this, &RunController::onFinished);
  updateActions();
}

void RunController::setProject(const WorkbenchProject& project) {
  // The jobs of the previous project keep running; this window just stops following them.
  if (m_launcher->isRunning()) {
    m_launcher->detach();
    m_progress->showIdle();
  }
  m_jobs.clear();
  m_project = project;
  if (m_menu) fillMenu(m_menu);
  updateActions();
}

void RunController::clearProject() {
  m_launcher->detach();
  m_progress->showIdle();
  m_jobs.clear();
  m_project.reset();
  if (m_menu) fillMenu(m_menu);
  updateActions();
}

void RunController::fillMenu(QMenu* menu) {
  m_menu = menu;
  menu->clear();  // deletes the study actions it owns; the cancel action belongs to this object
  const bool hasStudies = m_project && !m_project->studies.isEmpty();
  if (!hasStudies) {
    menu->addAction(m_project ? tr("No studies in this project") : tr("No project open"))->setEnabled(false);
  } else {
    for (const StudyEntry& study : m_project->studies) {
      QAction* full = menu->addAction(tr("Run %1").arg(study.name), this, [this, study] { startStudy(study, false); });
      full->setObjectName(QStringLiteral("actionRunStudy"));
      QAction* smoke = menu->addAction(tr("Run %1 (smoke: a few steps)").arg(study.name), this,
                                       [this, study] { startStudy(study, true); });
      smoke->setObjectName(QStringLiteral("actionRunStudySmoke"));
    }
  }
  menu->addSeparator();
  menu->addAction(m_cancelAction);
  updateActions();
}

bool RunController::launch(const QStringList& args, const QString& what, const QString& logName) {
  if (isRunning()) {
    Q_EMIT errorOccurred(tr("A run is already going: one run at a time (Run > Cancel run first)."));
    return false;
  }
  // One log per job, named by time and what it runs, in the project where the next window
  // (and the user) will look for it.
  QString slug = logName;
  slug.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("-"));
  const QString logPath = QDir(m_project->dir)
                              .filePath(QStringLiteral("logs/%1-%2.log")
                                            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")), slug));
  m_runningWhat = what;
  m_log->appendLine(tr("[%1] starting %2 (output: %3)")
                        .arg(QDateTime::currentDateTime().toString(Qt::ISODate), what, QDir::toNativeSeparators(logPath)));
  const bool started = m_launcher->start(m_cliPath, args, m_project->dir, logPath);
  updateActions();
  return started;
}

bool RunController::startStudy(const StudyEntry& study, bool smoke) {
  if (!m_project) return false;
  QStringList args = {QStringLiteral("study"), study.file, QStringLiteral("--store"), m_project->storePath};
  if (smoke) args << QStringLiteral("--smoke");
  return launch(args, smoke ? tr("Study %1 (smoke)").arg(study.name) : tr("Study %1").arg(study.name),
                QStringLiteral("study-") + study.name);
}

bool RunController::startTrain(const QString& configFile) {
  if (!m_project) {
    Q_EMIT errorOccurred(tr("Open a project first: a run is stored in its project's store."));
    return false;
  }
  QStringList args = {QStringLiteral("train"), configFile};
  args << QStringLiteral("--store") << m_project->storePath << QStringLiteral("--project") << m_project->dir;
  const QString name = QFileInfo(configFile).completeBaseName();
  return launch(args, tr("Training %1").arg(name), QStringLiteral("train-") + name);
}

bool RunController::startResume(qint64 runId, const QString& runName) {
  if (!m_project) {
    Q_EMIT errorOccurred(tr("Open a project first: a run is stored in its project's store."));
    return false;
  }
  // The run's checkpoint holds its effective config and training state: the CLI needs only the id.
  const QStringList args = {QStringLiteral("train"), QStringLiteral("--resume"), QString::number(runId),
                            QStringLiteral("--store"), m_project->storePath, QStringLiteral("--project"), m_project->dir};
  return launch(args, tr("Resuming run %1 (%2)").arg(runId).arg(runName), QStringLiteral("resume-%1").arg(runId));
}

bool RunController::isFollowed(const widgets::JobSummary& job) const {
  const auto followed = m_launcher->process();
  return followed && followed->pid == job.process.pid && followed->startTicks == job.process.startTicks &&
         followed->host == job.process.host;
}

void RunController::setJobs(const QVector<widgets::JobSummary>& jobs) {
  m_jobs = jobs;
  if (!m_project) return updateActions();
  if (m_launcher->isRunning()) {
    // A job started from a terminal has no log here: its progress comes from the store.
    for (const auto& job : jobs)
      if (isFollowed(job) && job.logPath.isEmpty() && job.totalSteps > 0) {
        widgets::RunProgress progress;
        progress.task = m_runningWhat;
        progress.done = job.step;
        progress.total = job.totalSteps;
        progress.etaSeconds = -1;  // not known from the store alone
        progress.detail = job.runningRuns.value(0);
        m_progress->showProgress(progress);
      }
    return updateActions();
  }
  // Newest live job first: a reopened window shows what is training now.
  for (auto it = jobs.crbegin(); it != jobs.crend(); ++it) {
    if (!it->alive || !m_launcher->follow(it->process, it->logPath)) continue;
    m_runningWhat = it->title.isEmpty() ? tr("Job %1").arg(it->id) : it->title;
    m_log->appendLine(tr("Following %1 (process %2, started %3)%4")
                          .arg(m_runningWhat)
                          .arg(it->process.pid)
                          .arg(QDateTime::fromSecsSinceEpoch(qint64(it->startedAt)).toString(Qt::ISODate))
                          .arg(it->logPath.isEmpty() ? tr("; its output goes to the terminal that started it")
                                                     : tr("; output: %1").arg(it->logPath)));
    m_progress->showStarting(m_runningWhat);
    Q_EMIT runStarted();
    break;
  }
  updateActions();
}

QStringList RunController::runningDescriptions() const {
  QStringList what;
  bool followedListed = false;
  for (const auto& job : m_jobs) {
    if (!job.alive || probeProcess(job.process) != ProcessState::Alive) continue;
    followedListed |= isFollowed(job);
    QString line = job.title.isEmpty() ? tr("Job %1").arg(job.id) : job.title;
    if (!job.runningRuns.isEmpty()) line += QStringLiteral(" (") + job.runningRuns.join(QStringLiteral(", ")) + QLatin1Char(')');
    what << line;
  }
  // Started by this window a moment ago, before the poller has read its job.
  if (m_launcher->isRunning() && !followedListed) what.prepend(m_runningWhat);
  return what;
}

void RunController::cancel() {
  if (!isRunning()) return;
  m_log->appendLine(tr("Cancelling: the run stops at the next step, saves a checkpoint and is marked cancelled."));
  m_launcher->cancel();
  for (const auto& job : m_jobs) {
    if (!job.alive || isFollowed(job)) continue;
    if (auto sent = terminateProcess(job.process); !sent)
      m_log->appendLine(tr("Cannot cancel %1: %2").arg(job.title, QString::fromStdString(sent.error().message)));
  }
  updateActions();
}

bool RunController::isRunning() const {
  if (m_launcher->isRunning()) return true;
  for (const auto& job : m_jobs)
    if (job.alive && probeProcess(job.process) == ProcessState::Alive) return true;
  return false;
}

void RunController::onFinished(int exitCode, bool crashed, bool cancelled) {
  m_progress->showIdle();
  updateActions();
  // A cancelled run is a success for the user: it stopped cleanly, as asked.
  const bool succeeded = !crashed && (cancelled || exitCode == 0);
  QString summary;
  if (crashed)
    summary = tr("%1 ended without an exit status: it crashed or was killed. The log panel has its last output.")
                  .arg(m_runningWhat);
  else if (cancelled)
    summary = tr("%1 cancelled.").arg(m_runningWhat);
  else if (exitCode == 0)
    summary = tr("%1 finished.").arg(m_runningWhat);
  else
    summary = tr("%1 failed (exit code %2). The log panel has the details.").arg(m_runningWhat).arg(exitCode);
  m_log->appendLine(summary);
  Q_EMIT runEnded(succeeded, summary);
}

void RunController::updateActions() {
  const bool running = isRunning();
  m_cancelAction->setEnabled(running && !m_launcher->cancelRequested());
  if (!m_menu) return;
  for (QAction* action : m_menu->actions())
    if (action != m_cancelAction && !action->isSeparator() && action->objectName().startsWith(QLatin1String("actionRunStudy")))
      action->setEnabled(!running);
}

}  // namespace vimoe::workbench
