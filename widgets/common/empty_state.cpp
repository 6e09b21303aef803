#include "common/empty_state.h"

#include <QLabel>

namespace vimoe::widgets {

EmptyState::EmptyState(QWidget* content, QWidget* parent) : QStackedWidget(parent), m_label(new QLabel(this)) {
  m_label->setAlignment(Qt::AlignCenter);
  m_label->setWordWrap(true);
  m_label->setMargin(16);
  // Slightly larger than body text, in the normal text colour: a grey hint was hard to read.
  QFont font = m_label->font();
  font.setPointSizeF(font.pointSizeF() * 1.15);
  m_label->setFont(font);
  addWidget(m_label);
  addWidget(content);
  setCurrentIndex(1);
}

void EmptyState::showMessage(const QString& message) {
  m_label->setText(message);
  setCurrentIndex(0);
}

void EmptyState::showContent() {
  setCurrentIndex(1);
}

QString EmptyState::message() const {
  return m_label->text();
}

}  // namespace vimoe::widgets
