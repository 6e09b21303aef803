#include "log/log_panel.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace vimoe::widgets {

LogPanel::LogPanel(QWidget* parent) : QWidget(parent), m_text(new QPlainTextEdit) {
  m_text->setReadOnly(true);
  m_text->setMaximumBlockCount(kMaxLines);
  m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
  // Monospace: the CLI prints aligned markdown tables.
  m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  m_text->setPlaceholderText(tr("Output of runs started from the Run menu appears here."));
  m_text->setObjectName(QStringLiteral("logText"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_text);
}

void LogPanel::appendLine(const QString& line) {
  // Follow the output only when the user is already at the bottom, so reading back is possible.
  QScrollBar* bar = m_text->verticalScrollBar();
  const bool atBottom = bar->value() >= bar->maximum() - 2;
  m_text->appendPlainText(line);
  if (atBottom) bar->setValue(bar->maximum());
}

void LogPanel::clear() {
  m_text->clear();
}

QString LogPanel::text() const {
  return m_text->toPlainText();
}

int LogPanel::lineCount() const {
  return m_text->blockCount() - (m_text->document()->isEmpty() ? 1 : 0);
}

}  // namespace vimoe::widgets
