// PatchOverlayView: the probe image, scaled to the square the vision tower sees, with its patch
// grid on top; each patch is filled with the colour of its top-1 expert at opacity
// gateOpacity(gate) x the overlay strength, and patches whose top-1 choice was dropped (over capacity) are hatched.
// Without an image (file missing) the grid is drawn on a neutral grey.
#pragma once

#include <QImage>
#include <QWidget>

#include "routing/routing_data.h"

namespace vimoe::widgets {

class PatchOverlayView : public QWidget {
  Q_OBJECT

 public:
  explicit PatchOverlayView(QWidget* parent = nullptr);

  void setImage(const QImage& image);  // a null image: the neutral background
  // experts: the run's E, for gateOpacity; 0 = not known (the raw gate is the opacity).
  void setGrid(const PatchGrid& grid, int experts = 0);
  void setOverlayStrength(double strength);  // [0, 1]; a patch's alpha is gateOpacity x strength
  double overlayStrength() const { return m_strength; }
  const PatchGrid& grid() const { return m_grid; }
  bool hasImage() const { return !m_image.isNull(); }

  // Geometry, for tooltips and for tests that read pixels.
  QRect imageRect() const;
  QRectF patchRect(int row, int column) const;
  int tokenAt(const QPoint& position) const;  // patch token (1..), -1 outside the grid
  static QColor neutralBackground() { return QColor(150, 150, 150); }

  QSize sizeHint() const override { return {320, 320}; }
  QSize minimumSizeHint() const override { return {160, 160}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override { return width; }

 Q_SIGNALS:
  void tokenClicked(int token);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;

 private:
  QImage m_image;
  PatchGrid m_grid;
  int m_experts = 0;
  double m_strength = 0.85;
};

// "E2 0.61 · E0 0.22 (dropped)": a token's top-k choices for tooltips and labels.
QString describeRoute(const TokenRoute& route);

}  // namespace vimoe::widgets
