// ExpertLoadPanel: for one MoE run and one MoE layer, a heatmap of each expert's share of the
// routed tokens over training (expert x snapshot step). Dead experts (share < 1% of the fair
// share 1/E) are painted in a colour outside the gradient and named in the summary line, so a
// collapsed router is visible at a glance. Further tabs (ExpertDetailViews) show all layers at
// one snapshot step (the step slider), dropped share and entropy over training, per-modality
// shares and the probe set's expert x class matrix.
#pragma once

#include <QVector>
#include <QWidget>

#include "bridge/store_types.h"
#include "experts/expert_share_grid.h"

class QComboBox;
class QLabel;
class QSlider;

namespace vimoe::widgets {

class EmptyState;
class ExpertDetailViews;
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

  // The expert-load snapshot step the detail tabs show; -1 none. setStep picks the nearest.
  qint64 currentStep() const;
  void setStep(qint64 step);
  // Tab 0 is "over training" (heatmap()); the others are the detail views.
  ExpertDetailViews* views() const { return m_views; }

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
  void fillSteps();

  QComboBox* m_runBox;
  QComboBox* m_layerBox;
  QSlider* m_stepSlider;
  QLabel* m_stepLabel;
  ExpertDetailViews* m_views;
  QVector<qint64> m_steps;
  bool m_followLatest = true;  // the slider stays on the newest snapshot of a live run
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
