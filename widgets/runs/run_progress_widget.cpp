#include "runs/run_progress_widget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace vimoe::widgets {

RunProgressWidget::RunProgressWidget(QWidget* parent)
    : QWidget(parent), m_label(new QLabel), m_bar(new QProgressBar) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_label);
  layout->addWidget(m_bar);
  m_bar->setFixedWidth(220);
  m_bar->setTextVisible(true);
  showIdle();
}

void RunProgressWidget::showStarting(const QString& what) {
  m_label->setText(what);
  m_bar->setRange(0, 0);  // busy indicator until the first progress line
  setVisible(true);
}

void RunProgressWidget::showProgress(const RunProgress& progress) {
  if (progress.total > 0) {
    m_bar->setRange(0, 1000);
    m_bar->setValue(static_cast<int>(1000 * progress.fraction()));
    m_bar->setFormat(QStringLiteral("%1 / %2").arg(progress.done).arg(progress.total));
  } else {
    m_bar->setRange(0, 0);
  }
  QString text = progress.task;
  if (progress.total > 0 && progress.done < progress.total && progress.etaSeconds >= 0)
    text += tr(" \u00b7 ETA %1").arg(formatDuration(progress.etaSeconds));
  if (!progress.detail.isEmpty()) text += QStringLiteral(" \u00b7 ") + progress.detail;
  m_label->setText(text);
  setVisible(true);
}

void RunProgressWidget::showIdle() {
  m_label->clear();
  m_bar->setRange(0, 1);
  m_bar->setValue(0);
  setVisible(false);
}

QString RunProgressWidget::text() const {
  return m_label->text();
}

}  // namespace vimoe::widgets
