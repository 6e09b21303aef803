// CurvesPanel: overlays one metric of the selected runs (dense vs MoE) in one plot, with a
// metric chooser, smoothing (raw curve faded underneath), log-x and log-y toggles and export to
// PNG/PDF/SVG/CSV. Selected runs that differ only by seed (a study's "<variant>/seed<N>") are
// drawn as their mean with a mean -/+ std band unless "Mean over seeds" is off. It does not read the store:
// it publishes the curves it wants (watchedCurvesChanged) and draws the CurveUpdates it gets.
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

#include <QHash>

#include "bridge/store_types.h"
#include "compare/seed_band.h"
#include "vimoe/util/expected.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QToolButton;

namespace vimoe::widgets {

class CurvePlot;
class EmptyState;

class CurvesPanel : public QWidget {
  Q_OBJECT

 public:
  explicit CurvesPanel(QWidget* parent = nullptr);

  void setRuns(const QVector<vimoe::widgets::RunSummary>& runs);
  void setSelectedRuns(const QVector<qint64>& runIds);
  void setMetric(const QString& metric);
  QString metric() const;
  QStringList availableMetrics() const { return m_metrics; }
  void setLogY(bool logY);
  void setLogX(bool logX);
  void setSmoothing(double weight);
  void setMeanOverSeeds(bool on);
  bool meanOverSeedsAvailable() const;  // some selected runs differ only by seed
  QVector<CurveKey> watchedCurves() const;
  CurvePlot* plot() const { return m_plot; }
  bool isShowingEmptyState() const;
  Status exportTo(const QString& path) const;

 public Q_SLOTS:
  void applyCurveUpdate(const vimoe::widgets::CurveUpdate& update);

 Q_SIGNALS:
  void watchedCurvesChanged(const QVector<vimoe::widgets::CurveKey>& keys);
  void errorOccurred(const QString& message);

 private:
  bool rebuildMetricChoices();
  void rebuildSeries();
  void updateEmptyState();
  void exportWithDialog(const QString& suffix);
  QString runName(qint64 runId) const;
  // The plotted series a run's points go to: its own, or its seed group's (id -first member).
  qint64 seriesIdOf(qint64 runId) const;
  void redrawSeedGroup(qint64 seriesId);

  QComboBox* m_metricBox;
  QCheckBox* m_logX;
  QCheckBox* m_logY;
  QCheckBox* m_meanSeeds;
  QDoubleSpinBox* m_smoothing;
  QToolButton* m_export;
  CurvePlot* m_plot;
  EmptyState* m_stack;
  QVector<RunSummary> m_runs;
  QVector<qint64> m_selected;
  QStringList m_metrics;
  QString m_wantedMetric;  // the user's choice, kept while the selected runs lack it
  // Drawn seed groups: series id -> member runs, and the members' curves to average.
  QHash<qint64, QVector<qint64>> m_seedGroups;
  QHash<qint64, StepCurve> m_memberCurves;
};

}  // namespace vimoe::widgets
