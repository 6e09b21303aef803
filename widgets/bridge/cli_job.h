// CliJob: one short `vimoe` command whose answer is its stdout (caption, ask, retrieve with
// --json), run as a child process so inference never blocks the GUI thread and no LibTorch
// code enters the GUI process. finished() carries stdout, or the CLI's "error: ..." message.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vimoe::widgets {

class CliJob : public QObject {
  Q_OBJECT

 public:
  explicit CliJob(QObject* parent = nullptr);
  ~CliJob() override;

  // False when a command is still running (one at a time per job).
  bool start(const QString& program, const QStringList& arguments, const QString& workingDirectory);
  void cancel();
  bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
  // Wall time of the last finished command, in milliseconds.
  qint64 lastElapsedMs() const { return m_lastElapsedMs; }

 Q_SIGNALS:
  // ok = exit code 0; then `output` is stdout. Otherwise `message` says why.
  void finished(bool ok, const QByteArray& output, const QString& message);

 private:
  void onFinished(int exitCode, QProcess::ExitStatus status);

  QProcess m_process;
  QElapsedTimer m_timer;
  qint64 m_lastElapsedMs = 0;
  bool m_cancelled = false;
};

}  // namespace vimoe::widgets
