#include "bridge/job_launcher.h"

#include <QFileInfo>

#include "bridge/command_line.h"
#include "vimoe/store/process_job.h"
#include "vimoe/util/detached_process.h"

namespace vimoe::widgets {
JobLauncher::JobLauncher(QObject* parent) : QObject(parent) {
  qRegisterMetaType<RunProgress>();
  m_timer.setInterval(kPollIntervalMs);
  connect(&m_timer, &QTimer::timeout, this, &JobLauncher::poll);
}

bool JobLauncher::start(const QString& program, const QStringList& arguments, const QString& workingDirectory,
                        const QString& logPath) {
  if (isRunning()) {
    Q_EMIT failedToStart(tr("A run is already in progress: cancel it or wait until it ends."));
    return false;
  }
  m_commandLine = displayCommandLine(program, arguments);
  DetachedCommand command;
  command.program = QFileInfo(program).absoluteFilePath().toStdString();
  for (const QString& arg : arguments) command.arguments.push_back(arg.toStdString());
  command.workingDirectory = workingDirectory.toStdString();
  command.logPath = logPath.toStdString();
  command.environment = {{store::kJobLogEnvironment, command.logPath}};
  // Measured before the job can write: its lines only, as the log is appended to.
  const qint64 logStart = QFileInfo::exists(logPath) ? QFileInfo(logPath).size() : 0;
  auto pid = startDetached(command);
  if (!pid) {
    const QString message = tr("Cannot start %1: %2. Check that the vimoe CLI is built and executable.")
                                .arg(program, QString::fromStdString(pid.error().message));
    QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failedToStart(message); }, Qt::QueuedConnection);
    return true;  // as QProcess::start: the failure arrives from the event loop
  }
  // A job that ended already has no /proc entry: its identity is then just the pid, which
  // probes as gone on the first tick and ends the job with what its log says.
  m_process = processById(*pid).value_or(ProcessIdentity{*pid, thisHostName(), "", -1});
  m_exitCode.reset();
  m_cancelRequested = false;
  m_tail.open(logPath, logStart);
  m_timer.start();
  QMetaObject::invokeMethod(this, [this, line = m_commandLine] { Q_EMIT started(line); }, Qt::QueuedConnection);
  return true;
}

bool JobLauncher::follow(const ProcessIdentity& process, const QString& logPath) {
  if (isRunning() || probeProcess(process) != ProcessState::Alive) return false;
  m_process = process;
  m_exitCode.reset();
  m_cancelRequested = false;
  m_commandLine.clear();
  if (logPath.isEmpty())
    m_tail.close();
  else
    m_tail.open(logPath, QFileInfo(logPath).size() - kFollowTailBytes);
  m_timer.start();
  return true;
}

void JobLauncher::detach() {
  m_timer.stop();
  m_tail.close();
  m_process.reset();
}

void JobLauncher::cancel() {
  if (!isRunning() || m_cancelRequested) return;
  m_cancelRequested = true;
  if (auto sent = terminateProcess(*m_process); !sent)
    Q_EMIT logLine(tr("Cannot cancel: %1").arg(QString::fromStdString(sent.error().message)));
}

void JobLauncher::readLog(bool flush) {
  for (const QByteArray& line : m_tail.readLines(flush)) {
    if (auto code = parseExitLine(line))
      m_exitCode = *code;
    else if (auto progress = parseProgressLine(line))
      Q_EMIT progressed(*progress);
    else if (!line.trimmed().isEmpty())
      Q_EMIT logLine(QString::fromUtf8(line));
  }
}

void JobLauncher::poll() {
  if (!m_process) return;
  readLog(false);
  if (probeProcess(*m_process) == ProcessState::Alive) return;
  readLog(true);
  const std::optional<int> code = m_exitCode;
  const bool cancelled = m_cancelRequested;
  detach();
  Q_EMIT finished(code.value_or(-1), !code.has_value() && !cancelled, cancelled);
}

}  // namespace vimoe::widgets
