#include "demo/demo_routing_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "routing/patch_overlay_view.h"
#include "routing/routing_data.h"
#include "routing/token_chips_view.h"

namespace vimoe::widgets {

DemoRoutingView::DemoRoutingView(QWidget* parent) : QWidget(parent) {
  m_layerBox = new QComboBox;
  m_message = new QLabel;
  m_message->setWordWrap(true);
  m_patches = new PatchOverlayView;
  m_patches->setOverlayStrength(0.55);  // the reviewer should still see the picture under the experts
  m_chips = new TokenChipsView;
  auto* chipsPage = new QWidget;
  auto* chipsLayout = new QVBoxLayout(chipsPage);
  chipsLayout->addWidget(m_chips);
  chipsLayout->addStretch();
  m_stack = new QStackedWidget;
  m_stack->addWidget(m_patches);
  m_stack->addWidget(chipsPage);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Routing, layer:")));
  top->addWidget(m_layerBox, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(m_message);
  layout->addWidget(m_stack, 1);
  connect(m_layerBox, &QComboBox::currentIndexChanged, this, &DemoRoutingView::showLayer);
  clear(tr("The routing of the last input appears here (MoE models)."));
}

void DemoRoutingView::clear(const QString& why) {
  m_routing = {};
  m_layerBox->clear();
  m_layerBox->setEnabled(false);
  m_message->setText(why);
  m_message->show();
  m_stack->hide();
}

void DemoRoutingView::setRouting(const DemoRouting& routing, const QImage& image) {
  if (routing.isEmpty()) return clear(tr("A dense model: every token goes through the one FFN, there is no routing to show."));
  // Keep the chosen layer across inputs when the new routing has it.
  const QString previous = m_layerBox->currentText();
  m_routing = routing;
  m_image = image;
  m_layerBox->blockSignals(true);
  m_layerBox->clear();
  m_layerBox->addItems(routing.layerNames);
  m_layerBox->setEnabled(true);
  const int keep = routing.layerNames.indexOf(previous);
  m_layerBox->setCurrentIndex(keep >= 0 ? keep : 0);
  m_layerBox->blockSignals(false);
  m_message->hide();
  m_stack->show();
  showLayer();
}

void DemoRoutingView::setLayer(int layer) { m_layerBox->setCurrentIndex(layer); }
int DemoRoutingView::layer() const { return m_layerBox->currentIndex(); }

void DemoRoutingView::showLayer() {
  const int layer = m_layerBox->currentIndex();
  if (layer < 0) return;
  if (m_routing.isImageLayer(layer)) {
    m_patches->setImage(m_image);
    m_patches->setGrid(buildPatchGrid(m_routing.rows, 0, layer), m_routing.experts.value(layer));
    m_stack->setCurrentIndex(0);
  } else {
    m_chips->setChips(buildTokenChips(m_routing.rows, m_routing.text, layer), m_routing.experts.value(layer));
    m_stack->setCurrentIndex(1);
  }
}

}  // namespace vimoe::widgets
