// LogPanel: read-only text of the child processes' output (CLI log lines on stderr and the
// final study table), with a cap so a long run cannot grow the document without bound.
#pragma once

#include <QWidget>

class QPlainTextEdit;

namespace vimoe::widgets {

class LogPanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kMaxLines = 20000;

  explicit LogPanel(QWidget* parent = nullptr);

  void appendLine(const QString& line);
  void clear();
  QString text() const;
  int lineCount() const;

 private:
  QPlainTextEdit* m_text;
};

}  // namespace vimoe::widgets
