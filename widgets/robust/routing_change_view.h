// RoutingChangeView: for one attack run and one eps, the routing change rate of every MoE layer
// (1 - mean IoU of the selected-expert sets before and after the attack) as bars, with the mean
// over layers in the title line. A dense run says so instead of drawing nothing.
#pragma once

#include <QWidget>

#include "robust/attack_data.h"

class QComboBox;
class QLabel;

namespace vimoe::widgets {

class BarChart;
class EmptyState;

class RoutingChangeView : public QWidget {
  Q_OBJECT

 public:
  explicit RoutingChangeView(QWidget* parent = nullptr);

  // Keeps the chosen eps when the run has it; a new run opens on its largest eps.
  void setRun(const AttackRun& run);
  void clear();
  QString currentEps() const;  // "4/255"; "" none
  void setEps(const QString& epsText);

  BarChart* chart() const { return m_chart; }
  QString summaryText() const;
  bool isShowingMessage() const;
  QString message() const;

  static QString denseMessage();

 private:
  void redraw();

  QComboBox* m_epsBox;
  QLabel* m_summary;
  BarChart* m_chart;
  EmptyState* m_stack;
  AttackRun m_run;
};

}  // namespace vimoe::widgets
