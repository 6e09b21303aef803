#include "run_controller.h"

#include <QAction>
#include <QDateTime>
#include <QFileInfo>
#include <QMenu>

#include "bridge/run_launcher.h"
#include "cli_locator.h"
#include "log/log_panel.h"
#include "runs/run_progress_widget.h"

namespace vimoe::workbench {

RunController::RunController(widgets::LogPanel* log, widgets::RunProgressWidget* progress, QObject* parent)
    : QObject(parent),
      m_log(log),
      m_progress(progress),
      m_launcher(new widgets::RunLauncher(this)),
      m_cancelAction(new QAction(tr("&Cancel run"), this)),
      m_cliPath(findVimoeCli()) {
  m_cancelAction->setObjectName(QStringLiteral("actionCancelRun"));
  m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
  connect(m_cancelAction, &QAction::triggered, this, &RunController::cancel);

  connect(m_launcher, &widgets::RunLauncher::started, this, [this](const QString& commandLine) {
    m_log->appendLine(QStringLiteral("$ ") + commandLine);
    m_progress->showStarting(m_runningWhat);
    Q_EMIT runStarted();
  });
  connect(m_launcher, &widgets::RunLauncher::progressed, m_progress, &widgets::RunProgressWidget::showProgress);
  connect(m_launcher, &widgets::RunLauncher::logLine, m_log, &widgets::LogPanel::appendLine);
  connect(m_launcher, &widgets::RunLauncher::failedToStart, this, [this](const QString& message) {
    m_log->appendLine(message);
    m_progress->showIdle();
    updateActions();
    Q_EMIT errorOccurred(message);
  });
  connect(m_launcher, &widgets::RunLauncher::finished, this, &RunController::onFinished);
  updateActions();
}

void RunController::setProject(const WorkbenchProject& project) {
  m_project = project;
  if (m_menu) fillMenu(m_menu);
}

void RunController::clearProject() {
  m_project.reset();
  if (m_menu) fillMenu(m_menu);
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

bool RunController::startStudy(const StudyEntry& study, bool smoke) {
  if (!m_project) return false;
  QStringList args = {QStringLiteral("study"), study.file, QStringLiteral("--store"), m_project->storePath};
  if (smoke) args << QStringLiteral("--smoke");
  m_runningWhat = smoke ? tr("Study %1 (smoke)").arg(study.name) : tr("Study %1").arg(study.name);
  m_log->appendLine(tr("[%1] starting %2").arg(QDateTime::currentDateTime().toString(Qt::ISODate), m_runningWhat));
  const bool started = m_launcher->start(m_cliPath, args, m_project->dir);
  updateActions();
  return started;
}

bool RunController::startTrain(const QString& configFile) {
  if (!m_project) {
    Q_EMIT errorOccurred(tr("Open a project first: a run is stored in its project's store."));
    return false;
  }
  QStringList args = {QStringLiteral("train"), configFile};
  args << QStringLiteral("--store") << m_project->storePath << QStringLiteral("--project") << m_project->dir;
  m_runningWhat = tr("Training %1").arg(QFileInfo(configFile).completeBaseName());
  m_log->appendLine(tr("[%1] starting %2").arg(QDateTime::currentDateTime().toString(Qt::ISODate), m_runningWhat));
  const bool started = m_launcher->start(m_cliPath, args, m_project->dir);
  updateActions();
  return started;
}

bool RunController::startResume(qint64 runId, const QString& runName) {
  if (!m_project) {
    Q_EMIT errorOccurred(tr("Open a project first: a run is stored in its project's store."));
    return false;
  }
  // The run's checkpoint holds its effective config and training state: the CLI needs only the id.
  const QStringList args = {QStringLiteral("train"), QStringLiteral("--resume"), QString::number(runId),
                            QStringLiteral("--store"), m_project->storePath, QStringLiteral("--project"), m_project->dir};
  m_runningWhat = tr("Resuming run %1 (%2)").arg(runId).arg(runName);
  m_log->appendLine(tr("[%1] starting %2").arg(QDateTime::currentDateTime().toString(Qt::ISODate), m_runningWhat));
  const bool started = m_launcher->start(m_cliPath, args, m_project->dir);
  updateActions();
  return started;
}

void RunController::cancel() {
  if (!isRunning()) return;
  m_log->appendLine(tr("Cancelling: the run stops at the next step, saves a checkpoint and is marked cancelled."));
  m_launcher->cancel();
  updateActions();
}

bool RunController::isRunning() const {
  return m_launcher->isRunning();
}

void RunController::onFinished(int exitCode, bool crashed, bool cancelled) {
  m_progress->showIdle();
  updateActions();
  // A cancelled run is a success for the user: it stopped cleanly, as asked.
  const bool succeeded = !crashed && (cancelled || exitCode == 0);
  QString summary;
  if (crashed)
    summary = tr("%1 crashed. The log panel has its last output.").arg(m_runningWhat);
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
