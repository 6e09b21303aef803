// EmptyState: shows either a panel's content or a centred sentence that says why it is empty
// and what to do ("No runs yet — start a study from the Run menu"), instead of a blank table or plot.
#pragma once

#include <QStackedWidget>
#include <QString>

class QLabel;

namespace vimoe::widgets {

class EmptyState : public QStackedWidget {
  Q_OBJECT

 public:
  EmptyState(QWidget* content, QWidget* parent = nullptr);

  void showMessage(const QString& message);
  void showContent();
  bool isShowingMessage() const { return currentIndex() == 0; }
  QString message() const;

 private:
  QLabel* m_label;
};

}  // namespace vimoe::widgets
