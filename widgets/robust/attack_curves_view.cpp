#include "robust/attack_curves_view.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "plot/curve_plot.h"
#include "plot/plot_style.h"
#include "plot/qcp.h"

namespace vimoe::widgets {

QString attackRunLabel(const AttackRun& run) {
  const QString target = run.parentName.isEmpty() ? run.name : run.parentName;
  QString label = QStringLiteral("#%1 %2").arg(run.runId).arg(target);
  if (!run.attack.isEmpty()) label += QStringLiteral(" \u00b7 ") + run.attack + (run.auxLoss ? QStringLiteral("+aux") : QString());
  return label;
}

AttackCurvesView::AttackCurvesView(QWidget* parent)
    : QWidget(parent), m_predictionChange(new QCheckBox(tr("Prediction change"))), m_plot(new CurvePlot) {
  m_predictionChange->setObjectName(QStringLiteral("attackPredictionChangeBox"));
  m_predictionChange->setToolTip(tr("Also draw the share of samples whose prediction the attack changed (dashed)"));
  m_plot->setMinimumHeight(180);
  m_plot->customPlot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
  auto* bar = new QHBoxLayout;
  bar->addStretch(1);
  bar->addWidget(m_predictionChange);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addWidget(m_plot, 1);
  connect(m_predictionChange, &QCheckBox::toggled, this, &AttackCurvesView::rebuild);
  rebuild();
}

void AttackCurvesView::setRuns(const QVector<AttackRun>& runs) {
  m_runs = runs;
  rebuild();
}

void AttackCurvesView::setShowPredictionChange(bool show) {
  m_predictionChange->setChecked(show);
}
bool AttackCurvesView::showsPredictionChange() const {
  return m_predictionChange->isChecked();
}

void AttackCurvesView::rebuild() {
  m_plot->clear();
  QStringList metrics;
  for (const auto& run : m_runs)
    if (!metrics.contains(run.metric)) metrics << run.metric;
  QStringList names;
  for (const QString& metric : metrics) names << (metric == QStringLiteral("nll") ? tr("caption NLL") : tr("accuracy"));
  m_yLabel = names.isEmpty() ? tr("accuracy") : names.join(QStringLiteral(" / "));
  if (showsPredictionChange()) m_yLabel += tr(" \u00b7 prediction change (dashed)");
  m_plot->setAxisLabels(tr("eps (/255)"), m_yLabel);

  auto toSeries = [](const QVector<QPointF>& points, QVector<double>& xs, QVector<double>& ys) {
    for (const QPointF& p : points) {
      xs << p.x();
      ys << p.y();
    }
  };
  for (int i = 0; i < m_runs.size(); ++i) {
    const AttackRun& run = m_runs[i];
    const QColor color = seriesColor(i);
    QVector<double> xs, ys;
    toSeries(metricCurve(run), xs, ys);
    const qint64 id = metricSeries(run.runId);
    m_plot->addSeries(id, attackRunLabel(run));
    m_plot->setSeriesPoints(id, xs, ys);
    if (QCPGraph* graph = m_plot->graph(id)) {
      graph->setPen(QPen(color, 2));
      graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 7));
    }
    if (!showsPredictionChange()) continue;
    QVector<double> px, py;
    toSeries(predictionChangeCurve(run), px, py);
    const qint64 changeId = predictionChangeSeries(run.runId);
    m_plot->addSeries(changeId, tr("%1 prediction change").arg(attackRunLabel(run)));
    m_plot->setSeriesPoints(changeId, px, py);
    if (QCPGraph* graph = m_plot->graph(changeId)) {
      graph->setPen(QPen(color, 2, Qt::DashLine));
      graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, 6));
    }
  }
  m_plot->replotNow();
}

}  // namespace vimoe::widgets
