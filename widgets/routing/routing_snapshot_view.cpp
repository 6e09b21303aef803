#include "routing/routing_snapshot_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "routing/expert_palette.h"
#include "routing/patch_overlay_view.h"
#include "routing/token_chips_view.h"
#include "routing/token_paths_view.h"
#include "routing/transitions_view.h"

namespace vimoe::widgets {
namespace {

QLabel* sectionTitle(const QString& text) {
  auto* label = new QLabel(text);
  QFont font = label->font();
  font.setBold(true);
  label->setFont(font);
  return label;
}

QString swatch(int expert) {
  return QStringLiteral("<span style=\"color:%1\">&#9632;</span>").arg(expertColor(expert).name());
}

int layerOf(const QComboBox* box) {
  return box->currentIndex() < 0 ? -1 : box->currentData().toInt();
}

void fillLayerBox(QComboBox* box, const QStringList& names, const QVector<int>& layers) {
  QStringList current;
  for (int i = 0; i < box->count(); ++i) current << box->itemText(i);
  box->setEnabled(!names.isEmpty());
  if (current == names) return;
  const QString previous = box->currentText();
  const QSignalBlocker blocker(box);
  box->clear();
  for (int i = 0; i < names.size(); ++i) box->addItem(names[i], layers[i]);
  // The deepest layer by default: where experts have specialised the most.
  const int index = static_cast<int>(names.indexOf(previous));
  box->setCurrentIndex(index >= 0 ? index : static_cast<int>(names.size()) - 1);
}

}  // namespace

RoutingSnapshotView::RoutingSnapshotView(QWidget* parent)
    : QWidget(parent),
      m_imageLayerBox(new QComboBox),
      m_strengthSlider(new QSlider(Qt::Horizontal)),
      m_patches(new PatchOverlayView),
      m_classToken(new QLabel),
      m_legend(new QLabel),
      m_imageNote(new QLabel),
      m_textLayerBox(new QComboBox),
      m_chips(new TokenChipsView),
      m_textNote(new QLabel),
      m_pathModalityBox(new QComboBox),
      m_pathsNote(new QLabel),
      m_pathsScroll(new QScrollArea),
      m_paths(new TokenPathsView),
      m_transitionsTitle(new QLabel),
      m_transitions(new TransitionsView) {
  buildLayout();
  for (QComboBox* box : {m_imageLayerBox, m_textLayerBox, m_pathModalityBox})
    connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &RoutingSnapshotView::redraw);
  connect(m_strengthSlider, &QSlider::valueChanged, this,
          [this](int value) { m_patches->setOverlayStrength(value / 100.0); });
  connect(m_patches, &PatchOverlayView::tokenClicked, this,
          [this](int token) { highlightToken(RoutingModality::Image, token); });
  connect(m_chips, &TokenChipsView::tokenClicked, this,
          [this](int token) { highlightToken(RoutingModality::Text, token); });
}

void RoutingSnapshotView::buildLayout() {
  m_imageLayerBox->setObjectName(QStringLiteral("routingImageLayerBox"));
  m_textLayerBox->setObjectName(QStringLiteral("routingTextLayerBox"));
  m_strengthSlider->setRange(0, 100);
  m_strengthSlider->setValue(qRound(m_patches->overlayStrength() * 100));
  m_strengthSlider->setMaximumWidth(110);
  m_strengthSlider->setToolTip(tr("Overlay strength: a patch's opacity is its gate times this"));
  m_pathModalityBox->addItem(tr("Image patches"), static_cast<int>(RoutingModality::Image));
  m_pathModalityBox->addItem(tr("Caption tokens"), static_cast<int>(RoutingModality::Text));
  for (QLabel* label : {m_classToken, m_legend, m_imageNote, m_textNote, m_pathsNote, m_transitionsTitle}) {
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
  }
  m_imageNote->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* left = new QWidget;
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 6, 0);
  auto* imageBar = new QHBoxLayout;
  imageBar->addWidget(sectionTitle(tr("Image patches")));
  imageBar->addStretch(1);
  imageBar->addWidget(new QLabel(tr("Layer:")));
  imageBar->addWidget(m_imageLayerBox);
  imageBar->addWidget(new QLabel(tr("Overlay:")));
  imageBar->addWidget(m_strengthSlider);
  leftLayout->addLayout(imageBar);
  leftLayout->addWidget(m_patches, 1);
  leftLayout->addWidget(m_classToken);
  leftLayout->addWidget(m_legend);
  leftLayout->addWidget(m_imageNote);
  auto* textBar = new QHBoxLayout;
  textBar->addWidget(sectionTitle(tr("Caption tokens")));
  textBar->addStretch(1);
  textBar->addWidget(new QLabel(tr("Layer:")));
  textBar->addWidget(m_textLayerBox);
  leftLayout->addSpacing(8);
  leftLayout->addLayout(textBar);
  leftLayout->addWidget(m_chips);
  leftLayout->addWidget(m_textNote);

  auto* right = new QWidget;
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(6, 0, 0, 0);
  auto* pathBar = new QHBoxLayout;
  pathBar->addWidget(sectionTitle(tr("Token paths across MoE layers")));
  pathBar->addStretch(1);
  pathBar->addWidget(m_pathModalityBox);
  rightLayout->addLayout(pathBar);
  rightLayout->addWidget(m_pathsNote);
  m_pathsScroll->setWidget(m_paths);
  m_pathsScroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  rightLayout->addWidget(m_pathsScroll, 1);
  rightLayout->addWidget(m_transitionsTitle);
  rightLayout->addWidget(m_transitions);

  auto* splitter = new QSplitter(Qt::Horizontal);
  splitter->addWidget(left);
  splitter->addWidget(right);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);
}

QString RoutingSnapshotView::currentImageLayer() const {
  return m_imageLayerBox->currentText();
}
QString RoutingSnapshotView::currentTextLayer() const {
  return m_textLayerBox->currentText();
}
void RoutingSnapshotView::setImageLayer(const QString& name) {
  if (const int index = m_imageLayerBox->findText(name); index >= 0) m_imageLayerBox->setCurrentIndex(index);
}
void RoutingSnapshotView::setTextLayer(const QString& name) {
  if (const int index = m_textLayerBox->findText(name); index >= 0) m_textLayerBox->setCurrentIndex(index);
}
RoutingModality RoutingSnapshotView::pathModality() const {
  return static_cast<RoutingModality>(m_pathModalityBox->currentData().toInt());
}
void RoutingSnapshotView::setPathModality(RoutingModality modality) {
  m_pathModalityBox->setCurrentIndex(m_pathModalityBox->findData(static_cast<int>(modality)));
}
double RoutingSnapshotView::overlayStrength() const {
  return m_patches->overlayStrength();
}
void RoutingSnapshotView::setOverlayStrength(double strength) {
  m_strengthSlider->setValue(qRound(strength * 100));
}
QString RoutingSnapshotView::imageNote() const {
  return m_imageNote->text();
}
QString RoutingSnapshotView::classTokenText() const {
  return m_classToken->text();
}
QString RoutingSnapshotView::legendText() const {
  return m_legend->text();
}

int RoutingSnapshotView::probeIndex() const {
  for (int i = 0; i < m_snapshot.probes.size(); ++i)
    if (m_snapshot.probes[i].sample == m_sample) return i;
  return -1;
}

const store::ProbeSample* RoutingSnapshotView::probe() const {
  const int index = probeIndex();
  return index < 0 ? nullptr : &m_snapshot.probes[index];
}

void RoutingSnapshotView::setSnapshot(const RoutingSnapshot& snapshot, const QVector<QImage>& images, int sample) {
  m_snapshot = snapshot;
  m_images = images;
  m_sample = sample;
  fillLayerBoxes();
  redraw();
}

void RoutingSnapshotView::fillLayerBoxes() {
  for (auto [box, modality] :
       {std::pair{m_imageLayerBox, RoutingModality::Image}, std::pair{m_textLayerBox, RoutingModality::Text}}) {
    const QVector<int> layers = layersOfModality(m_snapshot.rows, m_snapshot.layers, modality);
    QStringList names;
    for (int layer : layers) names << m_snapshot.layers.value(layer, tr("layer %1").arg(layer));
    fillLayerBox(box, names, layers);
  }
}

void RoutingSnapshotView::redraw() {
  const int experts = expertCountOf(m_snapshot.rows, m_snapshot.experts);
  redrawImage(experts);
  redrawText(experts);
  redrawPaths(experts);
}

void RoutingSnapshotView::redrawImage(int experts) {
  const int layer = layerOf(m_imageLayerBox);
  const PatchGrid grid = layer < 0 ? PatchGrid{} : buildPatchGrid(m_snapshot.rows, m_sample, layer);
  const store::ProbeSample* p = probe();
  const int index = probeIndex();
  m_patches->setImage(m_images.value(index));
  m_patches->setGrid(grid, experts);

  QStringList notes;
  if (layer < 0) notes << tr("This run has no MoE layer in the image tower.");
  if (p) {
    const QString stored = QString::fromStdString(p->imagePath).toHtmlEscaped();
    const QString file = m_snapshot.imageFiles.value(index);
    if (file.isEmpty())
      notes << tr("<b>Image file missing:</b> %1 \u2014 the patch grid is drawn on grey.").arg(stored);
    else if (m_images.value(index).isNull())
      notes << tr("<b>Image file unreadable:</b> %1 \u2014 the patch grid is drawn on grey.").arg(file.toHtmlEscaped());
    else
      notes << tr("<span style=\"color:gray\">%1</span>").arg(file.toHtmlEscaped());
  }
  if (grid.side > 0)
    notes << tr("%1 \u00d7 %1 patches \u00b7 %2 with the first choice dropped").arg(grid.side).arg(grid.droppedCount());
  m_imageNote->setText(notes.join(QStringLiteral("<br>")));

  const TokenRoute& cls = grid.classToken;
  m_classToken->setText(cls.present() ? tr("Class token: %1 <b>E%2</b> \u00b7 gate %3%4")
                                            .arg(swatch(cls.expert))
                                            .arg(cls.expert)
                                            .arg(cls.gate, 0, 'f', 2)
                                            .arg(cls.dropped ? tr(" \u00b7 <b>dropped</b>") : QString())
                                      : QString());
  const QVector<int> counts = tokensPerExpert(m_snapshot.rows, m_sample, layer, experts);
  QStringList entries;
  for (int e = 0; e < experts; ++e)
    entries << tr("%1&nbsp;E%2&nbsp;<span style=\"color:gray\">%3</span>").arg(swatch(e)).arg(e).arg(counts.value(e));
  m_legend->setText(experts == 0 ? QString()
                                 : entries.join(QStringLiteral(" &nbsp; ")) +
                                       tr("<br><span style=\"color:gray\">number = top-1 tokens of this sample in the "
                                          "layer \u00b7 opacity = gate, from faint at 1/E (undecided) to solid at 1 "
                                          "\u00b7 hatched = first choice dropped (over capacity)</span>"));
}

void RoutingSnapshotView::redrawText(int experts) {
  const int layer = layerOf(m_textLayerBox);
  const store::ProbeSample* p = probe();
  const QVector<TokenChip> chips = p && layer >= 0 ? buildTokenChips(m_snapshot.rows, *p, layer) : QVector<TokenChip>{};
  m_chips->setChips(chips, experts);
  int dropped = 0;
  for (const auto& chip : chips) dropped += chip.route.dropped;
  QStringList notes;
  if (layer < 0) notes << tr("This run has no MoE layer in the text tower.");
  if (p && !chips.isEmpty())
    notes << tr("<span style=\"color:gray\">%1 tokens \u00b7 %2 dropped \u00b7 \u201c%3\u201d</span>")
                 .arg(chips.size())
                 .arg(dropped)
                 .arg(QString::fromStdString(p->caption).toHtmlEscaped());
  m_textNote->setText(notes.join(QStringLiteral("<br>")));
}

void RoutingSnapshotView::redrawPaths(int experts) {
  const RoutingModality modality = pathModality();
  const QVector<int> layers = layersOfModality(m_snapshot.rows, m_snapshot.layers, modality);
  const TokenPaths paths = buildTokenPaths(m_snapshot.rows, m_sample, modality, layers);
  QStringList tokenLabels, layerLabels;
  const int lastPatch = paths.tokens.isEmpty() ? 0 : paths.tokens.back();
  const int side = std::max(1, static_cast<int>(std::floor(std::sqrt(double(lastPatch)) + 1e-9)));
  const store::ProbeSample* p = probe();
  for (int token : paths.tokens) {
    if (modality == RoutingModality::Image)
      tokenLabels << (token == 0 ? tr("CLS") : tr("r%1 c%2").arg((token - 1) / side).arg((token - 1) % side));
    else if (p && token < static_cast<int>(p->tokens.size()))
      tokenLabels << QStringLiteral("%1 %2").arg(token).arg(
          displayPiece(p->tokens[static_cast<std::size_t>(token)]).trimmed());
    else
      tokenLabels << QString::number(token);
  }
  for (int layer : layers) layerLabels << TransitionsView::shortLayerName(m_snapshot.layers.value(layer));
  m_paths->setPaths(paths, tokenLabels, layerLabels);
  m_pathsNote->setText(paths.tokens.isEmpty()
                           ? tr("No routing rows of this modality in the snapshot.")
                           : tr("<span style=\"color:gray\">%1 tokens \u00d7 %2 layers \u00b7 cell = top-1 expert "
                                "\u00b7 click a patch or a chip to find its row</span>")
                                 .arg(paths.tokens.size())
                                 .arg(layers.size()));
  m_transitions->setTransitions(buildTransitions(m_snapshot.rows, modality, layers, experts), m_snapshot.layers);
  m_transitionsTitle->setText(
      tr("<b>Layer to layer</b> <span style=\"color:gray\">\u00b7 top-1 experts of all %1 probe "
         "samples \u00b7 row = expert in the earlier layer \u00b7 follow = share that go where "
         "most of their expert goes</span>")
          .arg(m_snapshot.probes.size()));
}

void RoutingSnapshotView::highlightToken(RoutingModality modality, int token) {
  if (pathModality() != modality) setPathModality(modality);
  m_paths->setHighlightedToken(token);
  const int row = m_paths->rowOfToken(token);
  if (row >= 0) {
    const QRect rect = m_paths->rowRect(row);
    m_pathsScroll->ensureVisible(rect.center().x(), rect.center().y(), 10, rect.height() * 3);
  }
}

}  // namespace vimoe::widgets
