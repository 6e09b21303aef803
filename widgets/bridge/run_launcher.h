// RunLauncher: starts one `vimoe` CLI child process (train, study, ...) and turns its output
// into signals: JSON-lines progress on stdout -> progressed(), every other stdout or stderr
// line -> logLine(). Training never runs inside the GUI process (DESIGN.md, "Runs are
// processes"): a crash or NaN ends the child, not the workbench.
//
// cancel() sends SIGTERM: the trainer stops at the next step, checkpoints, marks the run
// cancelled and exits 0. A child that has not exited after killTimeoutMs is killed.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include "bridge/progress_line.h"

namespace vimoe::widgets {

class RunLauncher : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDefaultKillTimeoutMs = 15000;

  explicit RunLauncher(QObject* parent = nullptr);
  // A child still running is cancelled (SIGTERM, then kill) so that it checkpoints and its run
  // is marked cancelled instead of being cut off mid-write.
  ~RunLauncher() override;

  // Starts the child asynchronously: started() or failedToStart() follows. False (with
  // failedToStart) when a child is already running.
  bool start(const QString& program, const QStringList& arguments, const QString& workingDirectory);
  void cancel();
  bool isRunning() const;
  bool cancelRequested() const { return m_cancelRequested; }
  void setKillTimeoutMs(int ms) { m_killTimer.setInterval(ms); }
  QString commandLine() const { return m_commandLine; }

 Q_SIGNALS:
  void started(const QString& commandLine);
  void progressed(const vimoe::widgets::RunProgress& progress);
  void logLine(const QString& line);
  void failedToStart(const QString& message);
  // exitCode is meaningful only when !crashed; cancelled = cancel() was asked for.
  void finished(int exitCode, bool crashed, bool cancelled);

 private:
  void readStdout(bool flush);
  void readStderr(bool flush);
  void onErrorOccurred(QProcess::ProcessError error);
  void onFinished(int exitCode, QProcess::ExitStatus status);

  QProcess m_process;
  QTimer m_killTimer;
  QByteArray m_stdoutBuffer;
  QByteArray m_stderrBuffer;
  QString m_commandLine;
  bool m_cancelRequested = false;
};

}  // namespace vimoe::widgets
