// RobustnessPanel: the attack sweeps of the project (runs of kind "attack", written by
// `vimoe attack` and the robustness studies). The list of attack runs (checkable: several at
// once on the curves), the task metric against eps for the checked runs, and for the selected run
// the routing change per MoE layer at one eps, an example viewer (original, adversarial,
// difference, predictions and experts per patch before and after) and the Lipschitz estimates.
//
// Everything is read by an AttackLoader (its own thread and read-only connection); the window
// gives the panel the store path and the runs list, and the panel re-reads when an attack run
// appears, moves or finishes.
#pragma once

#include <QSet>
#include <QVector>
#include <QWidget>

#include "bridge/store_types.h"
#include "robust/attack_data.h"

class QLabel;
class QTableWidget;
class QTreeWidget;

namespace vimoe::widgets {

class AttackCurvesView;
class AttackExampleView;
class AttackLoader;
class EmptyState;
class RoutingChangeView;

class RobustnessPanel : public QWidget {
  Q_OBJECT

 public:
  enum Column { RunColumn, AttackedColumn, AttackColumn, TaskColumn, SamplesColumn, ModelColumn, ColumnCount };

  explicit RobustnessPanel(QWidget* parent = nullptr);
  ~RobustnessPanel() override;

  // Re-reads the attack runs when one appears, is deleted, moves or changes status.
  void setRuns(const QVector<vimoe::widgets::RunSummary>& runs);
  // Makes an attack run the selected one (routing change, examples, Lipschitz); an attacked
  // training run selects its newest attack. Returns false when there is none.
  bool showRun(qint64 runId);
  qint64 currentRun() const;  // -1: none
  QVector<qint64> checkedRuns() const;
  void setRunChecked(qint64 runId, bool checked);

  const AttackSnapshot& snapshot() const { return m_snapshot; }
  const AttackRun* run(qint64 runId) const;
  bool isLoading() const;
  bool isShowingEmptyState() const;
  QString emptyMessage() const;
  static QString noAttackRunsMessage();

  QTreeWidget* runList() const { return m_list; }
  AttackCurvesView* curves() const { return m_curves; }
  RoutingChangeView* routingChange() const { return m_routing; }
  AttackExampleView* examples() const { return m_examples; }
  QTableWidget* lipschitzTable() const { return m_lipschitz; }

 public Q_SLOTS:
  void setStorePath(const QString& path);  // the project's run store; "" = none
  void refresh();                          // read the store again now
  void applySnapshot(const vimoe::widgets::AttackSnapshot& snapshot);

 Q_SIGNALS:
  void snapshotShown();

 private:
  void fillList();
  void onCheckChanged();
  void showCurrent();
  void fillLipschitz(const AttackRun* run);
  void updateState();

  AttackLoader* m_loader;
  QTreeWidget* m_list;
  AttackCurvesView* m_curves;
  RoutingChangeView* m_routing;
  AttackExampleView* m_examples;
  QTableWidget* m_lipschitz;
  QLabel* m_lipschitzNote;
  QLabel* m_runNote;
  EmptyState* m_stack;

  AttackSnapshot m_snapshot;
  bool m_readOnce = false;    // a snapshot of the current store has arrived
  QString m_runsKey;          // the attack runs as last seen in setRuns
  QSet<qint64> m_unchecked;   // runs the user took off the curves (new runs come checked)
  qint64 m_wantedRun = -1;    // the selected run, kept across re-reads
  bool m_userChoseRun = false;
};

}  // namespace vimoe::widgets
