// DemoRoutingView: the routing of the demo's last input — the image's patch grid coloured by
// the chosen layer's expert (gate as opacity), or the text's tokens as chips for a text layer —
// drawn with the routing inspector's views. Dense models show why there is nothing to draw.
#pragma once

#include <QImage>
#include <QWidget>

#include "demo/demo_routing.h"

class QComboBox;
class QLabel;
class QStackedWidget;

namespace vimoe::widgets {

class PatchOverlayView;
class TokenChipsView;

class DemoRoutingView : public QWidget {
  Q_OBJECT

 public:
  explicit DemoRoutingView(QWidget* parent = nullptr);

  void setRouting(const DemoRouting& routing, const QImage& image);
  void clear(const QString& why);
  void setLayer(int layer);
  int layer() const;
  const DemoRouting& routing() const { return m_routing; }
  PatchOverlayView* patchView() const { return m_patches; }
  TokenChipsView* chipsView() const { return m_chips; }

 private:
  void showLayer();

  QComboBox* m_layerBox;
  QLabel* m_message;
  QStackedWidget* m_stack;
  PatchOverlayView* m_patches;
  TokenChipsView* m_chips;
  DemoRouting m_routing;
  QImage m_image;
};

}  // namespace vimoe::widgets
