// LogTail: follows a growing log file (a job's stdout and stderr) by polling its size, and
// hands over whole lines. Polling rather than a file watcher: inotify does not see writes
// made on another machine of a shared folder, and 4 reads a second cost nothing.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace vimoe::widgets {

class LogTail {
 public:
  // From byte `startOffset` on: 0 for the whole file, its size for what is written from now
  // on (a new job appending to a log), size - N for the recent lines of a job followed after a
  // restart. A line cut by the offset is skipped.
  void open(const QString& path, qint64 startOffset = 0);
  void close();
  const QString& path() const { return m_path; }
  // Complete lines written since the last call; with `flush`, a final unterminated line too.
  QList<QByteArray> readLines(bool flush = false);

 private:
  QString m_path;
  qint64 m_offset = 0;
  bool m_skipPartialLine = false;
  QByteArray m_pending;
};

}  // namespace vimoe::widgets
