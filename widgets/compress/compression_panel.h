// CompressionPanel: the low-rank compression runs of the project (kind "compress", written by
// `vimoe compress`). For the chosen run: the kept rank / full rank of every factorisable matrix
// coloured by method (the written plan, or any baseline's), the RL reward over episodes (with
// the baseline and the best so far), the Pareto plot of ranking metric vs size with the
// baselines as distinct markers, and the before/after table of every plan (metrics, size
// ratios, parameters, MACs, bytes).
//
// Read by a CompressLoader (its own thread and read-only connection); a live search re-reads as
// its episodes arrive.
#pragma once

#include <QVector>
#include <QWidget>

#include "bridge/store_types.h"
#include "compress/compress_data.h"

class QComboBox;
class QLabel;
class QTableWidget;

namespace vimoe::widgets {

class CompressLoader;
class CurvePlot;
class EmptyState;
class ParetoPlot;
class RankBarsChart;

class CompressionPanel : public QWidget {
  Q_OBJECT

 public:
  enum Column { PlanColumn, MetricColumn, ReportColumn, SizeColumn, ModelSizeColumn, ParamsColumn, MacsColumn,
                BytesColumn, ColumnCount };
  // Reward-curve series ids.
  enum Curve { RewardCurve = 1, BaselineCurve = 2, BestCurve = 3 };

  explicit CompressionPanel(QWidget* parent = nullptr);
  ~CompressionPanel() override;

  void setRuns(const QVector<vimoe::widgets::RunSummary>& runs);
  // A compress run, or a source run (its newest compression). False when there is none.
  bool showRun(qint64 runId);
  qint64 currentRun() const;  // -1: none
  QString currentPlan() const;  // the plan whose ranks the bars show
  void setPlan(const QString& plan);

  const CompressSnapshot& snapshot() const { return m_snapshot; }
  const CompressRun* run(qint64 runId) const;
  bool isLoading() const;
  bool isShowingEmptyState() const;
  QString emptyMessage() const;
  static QString noCompressRunsMessage();

  RankBarsChart* rankBars() const { return m_bars; }
  CurvePlot* rewardPlot() const { return m_reward; }
  ParetoPlot* paretoPlot() const { return m_pareto; }
  QTableWidget* table() const { return m_table; }
  QString summaryText() const;
  QString rewardNote() const;

 public Q_SLOTS:
  void setStorePath(const QString& path);
  void refresh();
  void applySnapshot(const vimoe::widgets::CompressSnapshot& snapshot);

 Q_SIGNALS:
  void snapshotShown();

 private:
  void fillRuns();
  void showCurrent();
  void fillPlans(const CompressRun& run);
  void fillTable(const CompressRun& run);
  void fillReward(const CompressRun& run);
  void updateState();

  CompressLoader* m_loader;
  QComboBox* m_runBox;
  QComboBox* m_planBox;
  QLabel* m_summary;
  RankBarsChart* m_bars;
  QLabel* m_barsNote;
  CurvePlot* m_reward;
  QLabel* m_rewardNote;
  ParetoPlot* m_pareto;
  QTableWidget* m_table;
  EmptyState* m_stack;

  CompressSnapshot m_snapshot;
  bool m_readOnce = false;
  QString m_runsKey;
  qint64 m_wantedRun = -1;
  bool m_userChoseRun = false;
};

}  // namespace vimoe::widgets
