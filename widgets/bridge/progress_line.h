// The JSON-lines progress protocol of the `vimoe` CLI when its stdout is a pipe:
//   {"task":"train dense","done":120,"total":400,"elapsed_s":12.5,"eta_s":29.1,"detail":"loss 2.31"}
// (ConsoleProgressObserver in core/util/progress). Anything else on stdout is log text.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

namespace vimoe::widgets {

struct RunProgress {
  QString task;
  qint64 done = 0;
  qint64 total = 0;  // 0 when unknown
  double elapsedSeconds = 0;
  double etaSeconds = 0;  // < 0: not known (no ETA shown)
  QString detail;

  double fraction() const { return total > 0 ? double(done) / double(total) : 0.0; }
};

// A progress record, or nullopt when the line is not one (plain text, a markdown table, or
// JSON without "task"/"done").
std::optional<RunProgress> parseProgressLine(const QByteArray& line);

// The last line of a job started by the workbench ({"exit_code": N}, see vimoe/cli/job.h):
// the exit status, which a starter that is not the job's parent cannot wait for.
std::optional<int> parseExitLine(const QByteArray& line);

// "1:05", "12:00:03": an ETA for people.
QString formatDuration(double seconds);

}  // namespace vimoe::widgets

Q_DECLARE_METATYPE(vimoe::widgets::RunProgress)
