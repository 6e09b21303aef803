#include "bridge/run_launcher.h"

#include "bridge/command_line.h"

namespace vimoe::widgets {
namespace {

// Splits complete lines off the front of `buffer`; with `flush`, a last unterminated line too.
QList<QByteArray> takeLines(QByteArray& buffer, bool flush) {
  QList<QByteArray> lines;
  qsizetype newline;
  while ((newline = buffer.indexOf('\n')) >= 0) {
    lines << buffer.left(newline);
    buffer.remove(0, newline + 1);
  }
  if (flush && !buffer.isEmpty()) {
    lines << buffer;
    buffer.clear();
  }
  return lines;
}

}  // namespace

RunLauncher::RunLauncher(QObject* parent) : QObject(parent) {
  qRegisterMetaType<RunProgress>();
  m_killTimer.setSingleShot(true);
  m_killTimer.setInterval(kDefaultKillTimeoutMs);
  connect(&m_killTimer, &QTimer::timeout, &m_process, &QProcess::kill);
  connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] { readStdout(false); });
  connect(&m_process, &QProcess::readyReadStandardError, this, [this] { readStderr(false); });
  connect(&m_process, &QProcess::started, this, [this] { Q_EMIT started(m_commandLine); });
  connect(&m_process, &QProcess::errorOccurred, this, &RunLauncher::onErrorOccurred);
  connect(&m_process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this, &RunLauncher::onFinished);
}

RunLauncher::~RunLauncher() {
  if (!isRunning()) return;
  // Nobody listens any more; only make sure the child ends cleanly.
  m_process.disconnect(this);
  m_process.terminate();
  if (!m_process.waitForFinished(m_killTimer.interval())) {
    m_process.kill();
    m_process.waitForFinished(1000);
  }
}

bool RunLauncher::start(const QString& program, const QStringList& arguments, const QString& workingDirectory) {
  if (isRunning()) {
    Q_EMIT failedToStart(tr("A run is already in progress: cancel it or wait until it ends."));
    return false;
  }
  m_stdoutBuffer.clear();
  m_stderrBuffer.clear();
  m_cancelRequested = false;
  m_commandLine = displayCommandLine(program, arguments);
  m_process.setWorkingDirectory(workingDirectory);
  m_process.setProgram(program);
  m_process.setArguments(arguments);
  // Asynchronous: started() or failedToStart() follows from the event loop.
  m_process.start();
  return true;
}

void RunLauncher::cancel() {
  if (!isRunning() || m_cancelRequested) return;
  m_cancelRequested = true;
  m_process.terminate();  // SIGTERM: the CLI checkpoints and marks the run cancelled
  m_killTimer.start();
}

bool RunLauncher::isRunning() const {
  return m_process.state() != QProcess::NotRunning;
}

void RunLauncher::readStdout(bool flush) {
  m_stdoutBuffer += m_process.readAllStandardOutput();
  for (const QByteArray& line : takeLines(m_stdoutBuffer, flush)) {
    if (auto progress = parseProgressLine(line))
      Q_EMIT progressed(*progress);
    else if (!line.trimmed().isEmpty())
      Q_EMIT logLine(QString::fromUtf8(line));
  }
}

void RunLauncher::readStderr(bool flush) {
  m_stderrBuffer += m_process.readAllStandardError();
  for (const QByteArray& line : takeLines(m_stderrBuffer, flush)) Q_EMIT logLine(QString::fromUtf8(line));
}

void RunLauncher::onErrorOccurred(QProcess::ProcessError error) {
  if (error != QProcess::FailedToStart) return;  // crashes arrive through finished()
  Q_EMIT failedToStart(tr("Cannot start %1: %2. Check that the vimoe CLI is built and executable.")
                           .arg(m_process.program(), m_process.errorString()));
}

void RunLauncher::onFinished(int exitCode, QProcess::ExitStatus status) {
  m_killTimer.stop();
  readStdout(true);
  readStderr(true);
  Q_EMIT finished(exitCode, status == QProcess::CrashExit, m_cancelRequested);
}

}  // namespace vimoe::widgets
