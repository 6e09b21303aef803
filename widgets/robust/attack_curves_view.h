// AttackCurvesView: the task metric against the attack radius for several attack runs (x = eps in
// units of 1/255, the clean value at 0), optionally with each run's prediction-change rate as a
// dashed line of the same colour. One CurvePlot; series ids are 2 x run id (metric) and
// 2 x run id + 1 (prediction change).
#pragma once

#include <QVector>
#include <QWidget>

#include "robust/attack_data.h"

class QCheckBox;

namespace vimoe::widgets {

class CurvePlot;

class AttackCurvesView : public QWidget {
  Q_OBJECT

 public:
  explicit AttackCurvesView(QWidget* parent = nullptr);

  void setRuns(const QVector<AttackRun>& runs);  // the checked runs, in list order
  void setShowPredictionChange(bool show);
  bool showsPredictionChange() const;

  static qint64 metricSeries(qint64 runId) { return runId * 2; }
  static qint64 predictionChangeSeries(qint64 runId) { return runId * 2 + 1; }
  CurvePlot* plot() const { return m_plot; }
  QString yLabel() const { return m_yLabel; }

 private:
  void rebuild();

  QCheckBox* m_predictionChange;
  CurvePlot* m_plot;
  QVector<AttackRun> m_runs;
  QString m_yLabel;
};

// "#7 moe-e4-k1 (MoE)": a run's name in legends and lists: the attacked run, else the attack run.
QString attackRunLabel(const AttackRun& run);

}  // namespace vimoe::widgets
