#include "robust/attack_example_view.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

#include "common/empty_state.h"
#include "robust/attack_image_views.h"

namespace vimoe::widgets {
namespace {

QLabel* titleLabel(const QString& text) {
  auto* label = new QLabel(text);
  label->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
  label->setWordWrap(true);
  return label;
}

QString withConfidence(const QString& prediction, double confidence) {
  const QString shown = prediction.isEmpty() ? QStringLiteral("\u2014") : prediction;
  if (!std::isfinite(confidence)) return shown;
  return QStringLiteral("%1 (%2%)").arg(shown).arg(confidence * 100.0, 0, 'f', 1);
}

}  // namespace

AttackExampleView::AttackExampleView(QWidget* parent)
    : QWidget(parent),
      m_exampleBox(new QComboBox),
      m_layerBox(new QComboBox),
      m_clean(new PixelImageView),
      m_adversarial(new PixelImageView),
      m_difference(new PixelImageView),
      m_before(new ChangedPatchesView),
      m_after(new ChangedPatchesView),
      m_routingBox(new QWidget),
      m_prompt(new QLabel),
      m_prediction(new QLabel),
      m_changeLabel(new QLabel) {
  m_exampleBox->setObjectName(QStringLiteral("attackExampleBox"));
  m_layerBox->setObjectName(QStringLiteral("attackLayerBox"));
  m_exampleBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_layerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_layerBox->setToolTip(tr("The image MoE layer whose top-1 experts the two grids show"));
  for (QLabel* label : {m_prompt, m_prediction, m_changeLabel}) {
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }

  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Example:")));
  bar->addWidget(m_exampleBox);
  bar->addSpacing(8);
  bar->addWidget(new QLabel(tr("Image layer:")));
  bar->addWidget(m_layerBox);
  bar->addStretch(1);

  auto* images = new QGridLayout;
  images->setHorizontalSpacing(6);
  images->addWidget(titleLabel(tr("Original")), 0, 0);
  images->addWidget(titleLabel(tr("Adversarial")), 0, 1);
  images->addWidget(titleLabel(tr("Difference (amplified)")), 0, 2);
  images->addWidget(m_clean, 1, 0);
  images->addWidget(m_adversarial, 1, 1);
  images->addWidget(m_difference, 1, 2);
  images->setRowStretch(2, 1);  // titles and pictures packed at the top, level with the expert grids
  auto* routing = new QGridLayout(m_routingBox);
  routing->setContentsMargins(0, 0, 0, 0);
  routing->setHorizontalSpacing(6);
  routing->addWidget(titleLabel(tr("Experts before")), 0, 0);
  routing->addWidget(titleLabel(tr("Experts after (changed outlined)")), 0, 1);
  routing->addWidget(m_before, 1, 0);
  routing->addWidget(m_after, 1, 1);
  routing->setRowStretch(2, 1);
  auto* row = new QHBoxLayout;
  row->addLayout(images, 3);
  row->addWidget(m_routingBox, 2);
  m_difference->setToolTip(tr("(adversarial - original) / (2 eps) + 0.5: grey = unchanged, the full range = +-eps"));

  auto* content = new QWidget;
  auto* contentLayout = new QVBoxLayout(content);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addLayout(row);
  contentLayout->addWidget(m_prompt);
  contentLayout->addWidget(m_prediction);
  contentLayout->addWidget(m_changeLabel);
  contentLayout->addStretch(1);  // the verdict right under the pictures it describes
  m_stack = new EmptyState(content, this);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addWidget(m_stack, 1);

  connect(m_exampleBox, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    fillLayers();
    redraw();
  });
  connect(m_layerBox, qOverload<int>(&QComboBox::currentIndexChanged), this, &AttackExampleView::redraw);
  redraw();
}

void AttackExampleView::clear() {
  setRun(AttackRun{});
}

void AttackExampleView::setRun(const AttackRun& run) {
  const int previous = currentExample();
  const bool sameRun = run.runId == m_run.runId;
  const AttackExample* was = previous >= 0 && previous < m_run.examples.size() ? &m_run.examples[previous] : nullptr;
  const int wasSample = was ? was->sample : -1;
  const double wasEps = was ? was->eps : -1;
  m_run = run;
  {
    const QSignalBlocker blocker(m_exampleBox);
    m_exampleBox->clear();
    for (const auto& ex : m_run.examples)
      m_exampleBox->addItem(tr("sample %1 \u00b7 eps %2").arg(ex.sample).arg(epsText(m_run, ex.eps)));
    int index = 0;
    if (sameRun)
      for (int i = 0; i < m_run.examples.size(); ++i)
        if (m_run.examples[i].sample == wasSample && std::abs(m_run.examples[i].eps - wasEps) < 1e-12) index = i;
    // A new run opens on its largest eps: where the attack shows.
    if (!sameRun)
      for (int i = 0; i < m_run.examples.size(); ++i)
        if (m_run.examples[i].eps > m_run.examples[index].eps) index = i;
    m_exampleBox->setCurrentIndex(m_run.examples.isEmpty() ? -1 : index);
  }
  fillLayers();
  redraw();
}

int AttackExampleView::exampleCount() const {
  return static_cast<int>(m_run.examples.size());
}
int AttackExampleView::currentExample() const {
  return m_exampleBox->currentIndex();
}
void AttackExampleView::setExample(int index) {
  if (index >= 0 && index < m_exampleBox->count()) m_exampleBox->setCurrentIndex(index);
}

bool AttackExampleView::selectExample(int sample, double eps) {
  for (int i = 0; i < m_run.examples.size(); ++i)
    if (m_run.examples[i].sample == sample && std::abs(m_run.examples[i].eps - eps) < 1e-9) {
      setExample(i);
      return true;
    }
  return false;
}

QString AttackExampleView::currentLayer() const {
  return m_layerBox->currentText();
}
void AttackExampleView::setLayer(const QString& layer) {
  if (const int index = m_layerBox->findText(layer); index >= 0) m_layerBox->setCurrentIndex(index);
}

QString AttackExampleView::predictionText() const {
  return m_prediction->text();
}
QString AttackExampleView::promptText() const {
  return m_prompt->text();
}
QString AttackExampleView::changeText() const {
  return m_changeLabel->text();
}
bool AttackExampleView::isShowingMessage() const {
  return m_stack->isShowingMessage();
}
QString AttackExampleView::message() const {
  return m_stack->message();
}

void AttackExampleView::fillLayers() {
  const QString previous = currentLayer();
  const int index = currentExample();
  QStringList layers;
  if (index >= 0 && index < m_run.examples.size()) layers = m_run.examples[index].layers;
  QStringList current;
  for (int i = 0; i < m_layerBox->count(); ++i) current << m_layerBox->itemText(i);
  if (current == layers) return;
  const QSignalBlocker blocker(m_layerBox);
  m_layerBox->clear();
  m_layerBox->addItems(layers);
  m_layerBox->setCurrentIndex(layers.isEmpty() ? -1 : std::max(0, static_cast<int>(layers.indexOf(previous))));
}

void AttackExampleView::redraw() {
  m_layerBox->setEnabled(m_layerBox->count() > 1);
  m_patchChange = PatchChange{};
  const int index = currentExample();
  if (m_run.runId == 0) return m_stack->showMessage(tr("Choose an attack run."));
  if (index < 0 || index >= m_run.examples.size()) {
    return m_stack->showMessage(m_run.reportProblem.isEmpty()
                                    ? tr("This sweep kept no examples (its report lists none).")
                                    : m_run.reportProblem);
  }
  const AttackExample& ex = m_run.examples[index];
  m_clean->setImage(ex.clean);
  m_adversarial->setImage(ex.adversarial);
  m_difference->setImage(ex.difference);

  const QString eps = epsText(m_run, ex.eps);
  if (ex.prompt.isEmpty())
    m_prompt->setText(tr("Sample %1 at eps %2 (%3).").arg(ex.sample).arg(eps, m_run.task));
  else if (m_run.task == QStringLiteral("caption"))
    m_prompt->setText(tr("Sample %1 at eps %2 \u00b7 caption: %3").arg(ex.sample).arg(eps, ex.prompt));
  else
    m_prompt->setText(tr("Sample %1 at eps %2 \u00b7 question: %3").arg(ex.sample).arg(eps, ex.prompt));
  if (ex.cleanPrediction.isEmpty() && ex.adversarialPrediction.isEmpty()) {
    m_prediction->setText(tr("No label prediction for this task: the curve shows the caption's NLL."));
  } else {
    const bool flipped = ex.cleanPrediction != ex.adversarialPrediction;
    m_prediction->setText(tr("truth: %1  \u00b7  before: %2  \u2192  after: %3  \u00b7  %4")
                              .arg(ex.truth.isEmpty() ? QStringLiteral("\u2014") : ex.truth,
                                   withConfidence(ex.cleanPrediction, ex.cleanConfidence),
                                   withConfidence(ex.adversarialPrediction, ex.adversarialConfidence),
                                   flipped ? tr("prediction changed") : tr("prediction kept")));
  }

  const QString layer = currentLayer();
  m_routingBox->setVisible(!layer.isEmpty());
  if (layer.isEmpty()) {
    m_changeLabel->setText(m_run.isMoe() ? tr("No expert choices stored for this example.")
                                         : tr("Dense model: no routing, so no expert choices to compare."));
  } else {
    const QVector<int> before = ex.expertsBefore.value(layer), after = ex.expertsAfter.value(layer);
    m_patchChange = widgets::patchChange(before, after);
    m_before->setImage(ex.clean);
    m_after->setImage(ex.adversarial);
    m_before->setGrid(expertGrid(before));
    m_after->setGrid(expertGrid(after));
    m_before->setChanged(m_patchChange.changedMask);
    m_after->setChanged(m_patchChange.changedMask);
    QString text = tr("%1: %2 of %3 patches (%4%) changed their top-1 expert")
                       .arg(layer)
                       .arg(m_patchChange.changed)
                       .arg(m_patchChange.patches)
                       .arg(m_patchChange.share() * 100.0, 0, 'f', 1);
    if (!before.isEmpty())
      text += m_patchChange.classTokenChanged
                  ? tr("; class token: E%1 \u2192 E%2").arg(before.front()).arg(after.value(0, -1))
                  : tr("; class token stays on E%1").arg(before.front());
    m_changeLabel->setText(text);
  }
  m_stack->showContent();
}

}  // namespace vimoe::widgets
