// ExpertLoadPanel: for one MoE run and one MoE layer, a heatmap of each expert's share of the
// routed tokens over training (expert x snapshot step). Dead experts (share < 1% of the fair
// share 1/E) are painted in a colour outside the gradient and named in the summary line, so a
// collapsed router is visible at a glance.
#pragma once

#include <QVector>
#include <QWidget>

#include "bridge/store_types.h"
#include "experts/expert_share_grid.h"

class QComboBox;
class QLabel;

namespace vimoe::widgets {

class EmptyState;
class HeatmapPlot;

class ExpertLoadPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ExpertLoadPanel(QWidget* parent = nullptr);

  // Runs with MoE layers fill the run chooser; the newest is shown until the user picks one.
  void setRuns(const QVector<vimoe::widgets::RunSummary>& runs);
  void showRun(qint64 runId);  // ignored for runs without MoE layers
  qint64 currentRun() const;   // -1: none
  void setLayer(const QString& layerName);
  QString currentLayer() const;

  const ExpertShareGrid& grid() const { return m_grid; }
  HeatmapPlot* heatmap() const { return m_heatmap; }
  bool isShowingEmptyState() const;
  QString summaryText() const;

 public Q_SLOTS:
  void applyExpertLoad(const vimoe::widgets::ExpertLoadSnapshot& snapshot);

 Q_SIGNALS:
  void expertRunChanged(qint64 runId);

 private:
  void onRunChosen();
  void fillLayers(const QStringList& layers);
  void redraw();

  QComboBox* m_runBox;
  QComboBox* m_layerBox;
  QLabel* m_summary;
  HeatmapPlot* m_heatmap;
  EmptyState* m_stack;
  QVector<qint64> m_moeRunIds;
  ExpertLoadSnapshot m_snapshot;
  ExpertShareGrid m_grid;
  bool m_userChoseRun = false;
  bool m_anyRuns = false;
};

}  // namespace vimoe::widgets
