#include "bridge/log_tail.h"

#include <QFile>

#include <algorithm>

namespace vimoe::widgets {

void LogTail::open(const QString& path, qint64 startOffset) {
  m_path = path;
  m_pending.clear();
  QFile file(path);
  m_offset = std::clamp<qint64>(startOffset, 0, file.size());
  // Starting in the middle of a line, the first line read is a fragment of it.
  char before = '\n';
  if (m_offset > 0 && file.open(QIODevice::ReadOnly) && file.seek(m_offset - 1)) file.getChar(&before);
  m_skipPartialLine = before != '\n';
}

void LogTail::close() {
  m_path.clear();
  m_pending.clear();
  m_offset = 0;
}

QList<QByteArray> LogTail::readLines(bool flush) {
  QList<QByteArray> lines;
  if (m_path.isEmpty()) return lines;
  QFile file(m_path);
  if (file.open(QIODevice::ReadOnly)) {
    if (file.size() < m_offset) m_offset = 0;  // truncated or replaced: start again
    if (file.seek(m_offset)) {
      const QByteArray chunk = file.readAll();
      m_offset += chunk.size();
      m_pending += chunk;
    }
  }
  qsizetype newline;
  while ((newline = m_pending.indexOf('\n')) >= 0) {
    QByteArray line = m_pending.left(newline);
    m_pending.remove(0, newline + 1);
    if (m_skipPartialLine) {
      m_skipPartialLine = false;
      continue;
    }
    lines << line;
  }
  if (flush && !m_pending.isEmpty()) {
    lines << m_pending;
    m_pending.clear();
  }
  return lines;
}

}  // namespace vimoe::widgets
