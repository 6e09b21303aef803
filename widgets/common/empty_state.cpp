#include "common/empty_state.h"

#include <QLabel>

namespace vimoe::widgets {

EmptyState::EmptyState(QWidget* content, QWidget* parent) : QStackedWidget(parent), m_label(new QLabel(this)) {
  m_label->setAlignment(Qt::AlignCenter);
  m_label->setWordWrap(true);
  m_label->setEnabled(false);  // the palette's disabled text: a hint, not content
  m_label->setMargin(16);
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
