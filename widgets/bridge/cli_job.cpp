#include "bridge/cli_job.h"

namespace vimoe::widgets {

CliJob::CliJob(QObject* parent) : QObject(parent) {
  connect(&m_process, &QProcess::finished, this, &CliJob::onFinished);
  connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;  // crashes arrive through finished()
    Q_EMIT finished(false, {}, tr("cannot start %1: %2").arg(m_process.program(), m_process.errorString()));
  });
}

CliJob::~CliJob() {
  if (isRunning()) {
    m_process.kill();
    m_process.waitForFinished(2000);
  }
}

bool CliJob::start(const QString& program, const QStringList& arguments, const QString& workingDirectory) {
  if (isRunning()) return false;
  m_cancelled = false;
  m_process.setWorkingDirectory(workingDirectory);
  m_timer.start();
  m_process.start(program, arguments);
  return true;
}

void CliJob::cancel() {
  if (!isRunning()) return;
  m_cancelled = true;
  m_process.kill();  // inference writes nothing: nothing to lose by stopping at once
}

void CliJob::onFinished(int exitCode, QProcess::ExitStatus status) {
  m_lastElapsedMs = m_timer.elapsed();
  const QByteArray out = m_process.readAllStandardOutput();
  const QString err = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
  if (m_cancelled) {
    Q_EMIT finished(false, {}, tr("cancelled"));
  } else if (status == QProcess::CrashExit) {
    Q_EMIT finished(false, {}, tr("the vimoe process crashed: %1").arg(err));
  } else if (exitCode != 0) {
    // The CLI's last line is "error: <what failed, where>"; show that, not the whole log.
    const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QString message = lines.isEmpty() ? tr("exit code %1").arg(exitCode) : lines.last();
    if (message.startsWith(QStringLiteral("error: "))) message = message.mid(7);
    Q_EMIT finished(false, {}, message);
  } else {
    Q_EMIT finished(true, out, {});
  }
}

}  // namespace vimoe::widgets
