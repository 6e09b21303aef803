// RunProgressWidget: the status-bar view of the running child process: which task, a
// progress bar, and the ETA from the CLI's JSON-lines progress. Hidden while nothing runs.
#pragma once

#include <QWidget>

#include "bridge/progress_line.h"

class QLabel;
class QProgressBar;

namespace vimoe::widgets {

class RunProgressWidget : public QWidget {
  Q_OBJECT

 public:
  explicit RunProgressWidget(QWidget* parent = nullptr);

  void showStarting(const QString& what);
  void showProgress(const vimoe::widgets::RunProgress& progress);
  void showIdle();

  QProgressBar* bar() const { return m_bar; }
  QString text() const;

 private:
  QLabel* m_label;
  QProgressBar* m_bar;
};

}  // namespace vimoe::widgets
