#include "robust/routing_change_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

#include "common/empty_state.h"
#include "plot/bar_chart.h"

namespace vimoe::widgets {

RoutingChangeView::RoutingChangeView(QWidget* parent)
    : QWidget(parent), m_epsBox(new QComboBox), m_summary(new QLabel), m_chart(new BarChart(tr("Routing change per MoE layer"))) {
  m_epsBox->setObjectName(QStringLiteral("routingChangeEpsBox"));
  m_epsBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_summary->setWordWrap(true);
  m_chart->setMinimumHeight(160);
  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("eps:")));
  bar->addWidget(m_epsBox);
  bar->addWidget(m_summary, 1);
  auto* content = new QWidget;
  auto* contentLayout = new QVBoxLayout(content);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addLayout(bar);
  contentLayout->addWidget(m_chart, 1);
  m_stack = new EmptyState(content, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_stack);
  connect(m_epsBox, qOverload<int>(&QComboBox::currentIndexChanged), this, &RoutingChangeView::redraw);
  redraw();
}

QString RoutingChangeView::denseMessage() {
  return tr("Dense model: no routing. Routing change (1 - IoU of the selected experts before and after the "
            "attack) is measured for MoE runs only.");
}

void RoutingChangeView::clear() {
  setRun(AttackRun{});
}

void RoutingChangeView::setRun(const AttackRun& run) {
  const QString previous = run.runId == m_run.runId ? currentEps() : QString();
  m_run = run;
  {
    const QSignalBlocker blocker(m_epsBox);
    m_epsBox->clear();
    for (const auto& row : m_run.rows) m_epsBox->addItem(row.epsText);
    const int kept = m_epsBox->findText(previous);
    m_epsBox->setCurrentIndex(kept >= 0 ? kept : m_epsBox->count() - 1);
  }
  redraw();
}

QString RoutingChangeView::currentEps() const {
  return m_epsBox->currentText();
}
void RoutingChangeView::setEps(const QString& epsText) {
  if (const int index = m_epsBox->findText(epsText); index >= 0) m_epsBox->setCurrentIndex(index);
}
QString RoutingChangeView::summaryText() const {
  return m_summary->text();
}
bool RoutingChangeView::isShowingMessage() const {
  return m_stack->isShowingMessage();
}
QString RoutingChangeView::message() const {
  return m_stack->message();
}

void RoutingChangeView::redraw() {
  if (m_run.runId == 0) {
    m_chart->clear();
    return m_stack->showMessage(tr("Choose an attack run."));
  }
  if (!m_run.isMoe()) {
    m_chart->clear();
    return m_stack->showMessage(denseMessage());
  }
  const AttackEpsRow* row = m_run.rowAt(currentEps());
  if (!row) {
    m_chart->clear();
    return m_stack->showMessage(tr("No eps of this sweep is stored yet."));
  }
  QStringList labels;
  QVector<double> values;
  for (const QString& layer : m_run.layers) {
    if (!row->routingPerLayer.contains(layer)) continue;
    labels << layer;
    values << row->routingPerLayer.value(layer);
  }
  m_chart->setBars(labels, values, tr("routing change (1 - IoU)"));
  m_summary->setText(std::isfinite(row->routingChange)
                         ? tr("mean over layers %1 \u00b7 prediction change %2")
                               .arg(row->routingChange, 0, 'f', 3)
                               .arg(row->predictionChange, 0, 'f', 3)
                         : tr("prediction change %1").arg(row->predictionChange, 0, 'f', 3));
  m_stack->showContent();
}

}  // namespace vimoe::widgets
