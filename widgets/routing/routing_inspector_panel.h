// RoutingInspectorPanel: where the tokens of the fixed probe set went, for one MoE run at one
// routing snapshot. The probe image with its patches coloured by top-1 expert (gate as opacity,
// dropped patches hatched), the caption's pieces as coloured chips, and every token's path
// through the MoE layers of its modality with the layer-to-layer transition matrices.
//
// The snapshots are read by a RoutingLoader (its own thread and read-only connection): the
// window gives the panel the store path and the runs list and nothing else.
#pragma once

#include <QImage>
#include <QMap>
#include <QVector>
#include <QWidget>

#include "bridge/store_types.h"

class QComboBox;
class QLabel;
class QSlider;

namespace vimoe::widgets {

class EmptyState;
class PatchOverlayView;
class RoutingLoader;
class RoutingSnapshotView;
class TokenChipsView;
class TokenPathsView;
class TransitionsView;

class RoutingInspectorPanel : public QWidget {
  Q_OBJECT

 public:
  explicit RoutingInspectorPanel(QWidget* parent = nullptr);
  ~RoutingInspectorPanel() override;

  // Runs with MoE layers fill the run chooser; the newest is shown until the user picks one.
  // A change of the shown run's step or status re-reads its snapshots (a live run gains some).
  void setRuns(const QVector<vimoe::widgets::RunSummary>& runs);
  void showRun(qint64 runId);  // ignored for runs without MoE layers
  qint64 currentRun() const;   // -1: none
  qint64 currentStep() const;  // the snapshot shown; -1: none
  void setStep(qint64 step);   // the nearest stored snapshot (read asynchronously)
  int currentSample() const;   // probe sample index; -1: none
  void setSample(int sample);

  // The drawing half: layer choosers, overlay strength and the views.
  RoutingSnapshotView* view() const { return m_view; }
  const RoutingSnapshot& snapshot() const { return m_snapshot; }
  bool isLoading() const;
  bool isShowingEmptyState() const;
  QString emptyMessage() const;

 public Q_SLOTS:
  void setStorePath(const QString& path);  // the project's run store; "" = none
  void applySnapshot(const vimoe::widgets::RoutingSnapshot& snapshot, const QVector<QImage>& images);

 Q_SIGNALS:
  void snapshotShown(qint64 runId, qint64 step);

 private:
  void onRunChosen();
  void onStepMoved(int index);
  void onLoadFailed(qint64 runId, const QString& message);
  void requestSnapshot(qint64 step);
  void fillChoosers();
  void redraw();

  RoutingLoader* m_loader;
  QComboBox* m_runBox;
  QComboBox* m_sampleBox;
  QSlider* m_stepSlider;
  QLabel* m_stepLabel;
  RoutingSnapshotView* m_view;
  EmptyState* m_stack;

  QVector<qint64> m_moeRunIds;
  QMap<qint64, QString> m_runState;  // "step/status" per MoE run, to notice a live run moving
  bool m_anyRuns = false;
  bool m_userChoseRun = false;
  bool m_followLatest = true;  // the slider sits on the newest snapshot and stays there
  QString m_loadError;
  RoutingSnapshot m_snapshot;
  QVector<QImage> m_images;
};

}  // namespace vimoe::widgets
