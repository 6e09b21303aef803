// JobLauncher: starts a long `vimoe` job (train, study, attack, compress) detached from the
// window, or follows one that is already running (started by an earlier window or from a
// terminal), and turns it into the signals a panel needs: progress, log lines, the end.
//
// The job is not a child of the workbench (vimoe/util/detached_process.h): closing the
// window leaves it running. Its output goes to a log file, which this object tails; its end is
// noticed by polling its process identity (pid + start time), and its exit status is the
// {"exit_code": N} line the CLI writes last (vimoe/cli/job.h). cancel() sends SIGTERM only if
// the pid still belongs to the job: the run checkpoints, is marked cancelled and exits 0.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <optional>

#include "bridge/log_tail.h"
#include "bridge/progress_line.h"
#include "vimoe/util/process_identity.h"

namespace vimoe::widgets {

class JobLauncher : public QObject {
  Q_OBJECT

 public:
  static constexpr int kPollIntervalMs = 250;
  static constexpr qint64 kFollowTailBytes = 8192;

  explicit JobLauncher(QObject* parent = nullptr);
  // Stops following; the job itself keeps running.
  ~JobLauncher() override = default;

  // Starts `program arguments` in `workingDirectory` with its output in `logPath`. started()
  // or failedToStart() follows from the event loop. False when a job is already followed.
  bool start(const QString& program, const QStringList& arguments, const QString& workingDirectory,
             const QString& logPath);
  // Follows a job this object did not start. False (nothing changes) when it has ended.
  bool follow(const ProcessIdentity& process, const QString& logPath);
  // Stops following without touching the job.
  void detach();
  void cancel();

  bool isRunning() const { return m_process.has_value(); }
  bool cancelRequested() const { return m_cancelRequested; }
  std::optional<ProcessIdentity> process() const { return m_process; }
  QString logPath() const { return m_tail.path(); }
  QString commandLine() const { return m_commandLine; }

 Q_SIGNALS:
  void started(const QString& commandLine);
  void progressed(const vimoe::widgets::RunProgress& progress);
  void logLine(const QString& line);
  void failedToStart(const QString& message);
  // exitCode is meaningful only when !crashed; crashed = it ended without an exit record
  // (killed, crashed, or a program that does not write one); cancelled = cancel() was asked.
  void finished(int exitCode, bool crashed, bool cancelled);

 private:
  void poll();
  void readLog(bool flush);

  QTimer m_timer;
  LogTail m_tail;
  std::optional<ProcessIdentity> m_process;
  std::optional<int> m_exitCode;
  QString m_commandLine;
  bool m_cancelRequested = false;
};

}  // namespace vimoe::widgets
